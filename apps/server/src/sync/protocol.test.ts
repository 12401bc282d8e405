import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeMessage, encodeUpdate, ProtocolError } from './protocol.ts';

// Item info byte (Yjs UpdateEncoderV1): which optional fields follow, and the content kind.
const HAS_ORIGIN = 0x80;
const HAS_PARENT_SUB = 0x20;
const CONTENT_DELETED = 1;
const CONTENT_STRING = 4;

type Parent = { readonly root: string } | { readonly item: readonly [number, number] };

/**
 * A v1 update holding ONE item, written byte by byte: Yjs never writes most
 * of these, so they have to be built by hand (as a corrupted frame would be).
 */
function oneItem(item: {
  client: number;
  clock: number;
  origin?: readonly [number, number];
  parent?: Parent;
  parentSub?: string;
  content: { deleted: number } | { text: string };
}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // clients
  encoding.writeVarUint(e, 1); // structs of that client
  encoding.writeVarUint(e, item.client);
  encoding.writeVarUint(e, item.clock);
  const kind = 'deleted' in item.content ? CONTENT_DELETED : CONTENT_STRING;
  const info =
    kind | (item.origin ? HAS_ORIGIN : 0) | (item.parentSub === undefined ? 0 : HAS_PARENT_SUB);
  encoding.writeUint8(e, info);
  if (item.origin) {
    encoding.writeVarUint(e, item.origin[0]);
    encoding.writeVarUint(e, item.origin[1]);
  } else {
    // Without origins the parent is written out: a root type's name, or an item id.
    const parent = item.parent ?? { root: 'cards' };
    if ('root' in parent) {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, parent.root);
    } else {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, parent.item[0]);
      encoding.writeVarUint(e, parent.item[1]);
    }
    if (item.parentSub !== undefined) encoding.writeVarString(e, item.parentSub);
  }
  if ('deleted' in item.content) encoding.writeVarUint(e, item.content.deleted);
  else encoding.writeVarString(e, item.content.text);
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/** A v1 update with no structs and one delete range. */
function deleteRange(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

/** Every update a document emits while `edit` runs, one per transaction. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  edit();
  doc.off('update', record);
  return updates;
}

/** The server's path: decode strictly, and only what decodes reaches the document. */
function receive(doc: Y.Doc, update: Uint8Array): 'applied' | 'rejected' {
  let message;
  try {
    message = decodeMessage(encodeUpdate(update));
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return 'rejected';
  }
  if (message.kind !== 'update') throw new Error(`decoded as ${message.kind}`);
  try {
    Y.applyUpdate(doc, message.update);
  } catch {
    // The server closes the sender (1007); what matters here is the document after it.
  }
  return 'applied';
}

describe('decodeMessage: updates that parse but that Yjs cannot integrate safely', () => {
  // FUZZ_SEED=81812033: a ContentDeleted of length 0. Yjs integrates it, then
  // throws in the transaction's cleanup before clearing
  // doc._transactionCleanups, so the doc never emits 'update' again and the
  // server stopped relaying and storing everyone's edits on that board.
  // prettier-ignore
  const emptyDeletedItem = Uint8Array.from([
    1, 1,    // one client, one struct
    1, 0,    // client 1, clock 0
    0x01,    // an item holding ContentDeleted, no origins: the parent follows
    1, 1, 0x61, // parent: the root type "a"
    0,       // deleted length 0
    0,       // empty delete set
  ]);

  it('the minimal frame is what the item builder writes, too', () => {
    expect(
      oneItem({ client: 1, clock: 0, parent: { root: 'a' }, content: { deleted: 0 } }),
    ).toEqual(emptyDeletedItem);
  });

  it('rejects it, so a document fed only what decodes keeps emitting updates', () => {
    const server = new Y.Doc();
    expect(receive(server, emptyDeletedItem)).toBe('rejected');

    const emitted = updatesOf(server, () => server.getMap('cards').set('later', 'edit'));
    expect(emitted).toHaveLength(1);
  });

  it.each([
    ['a zero-length deleted item', emptyDeletedItem],
    ['an empty string item', oneItem({ client: 1, clock: 0, content: { text: '' } })],
    [
      'an origin at its own client’s future clock',
      oneItem({ client: 7, clock: 0, origin: [7, 5], content: { text: 'x' } }),
    ],
    [
      'a parent item at its own client’s future clock',
      oneItem({ client: 7, clock: 2, parent: { item: [7, 19] }, content: { text: 'x' } }),
    ],
    [
      'a struct past 2^53',
      oneItem({ client: 1, clock: Number.MAX_SAFE_INTEGER - 1, content: { deleted: 5 } }),
    ],
    ['a client id beyond uint32', oneItem({ client: 2 ** 32, clock: 0, content: { text: 'x' } })],
    ['an empty delete range', deleteRange(1, 0, 0)],
    ['a delete range past 2^53', deleteRange(1, Number.MAX_SAFE_INTEGER - 1, 5)],
  ])('rejects %s with a ProtocolError', (_, update) => {
    expect(() => decodeMessage(encodeUpdate(update))).toThrow(ProtocolError);
  });
});

describe('decodeMessage: updates real clients send', () => {
  it('accepts what Yjs writes: typing, map keys, deletes, merged updates', () => {
    const client = new Y.Doc();
    const text = client.getText('text');
    const updates = updatesOf(client, () => {
      text.insert(0, 'hello');
      text.insert(5, ' world'); // origin: the same client's earlier clock
      text.delete(0, 1);
      const card = new Y.Map<unknown>();
      client.getMap('cards').set('card', card);
      card.set('text', new Y.Text('nested')); // parent: the same client's earlier item
      client.getMap('cards').delete('card');
    });
    for (const update of updates) {
      expect(decodeMessage(encodeUpdate(update)).kind).toBe('update');
    }
    // A merge of non-adjacent updates holds a Skip struct.
    const gapped = Y.mergeUpdates([updates[0]!, updates[3]!]);
    expect(Y.decodeUpdate(gapped).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    expect(decodeMessage(encodeUpdate(gapped)).kind).toBe('update');
    expect(decodeMessage(encodeUpdate(Y.encodeStateAsUpdate(client))).kind).toBe('update');
  });

  it('accepts an update whose dependencies have not arrived; Yjs applies it once they do', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const [aliceTyped] = updatesOf(alice, () => alice.getText('text').insert(0, 'Alice'));
    Y.applyUpdate(bob, aliceTyped!);
    const [bobTyped] = updatesOf(bob, () => bob.getText('text').insert(5, ' and Bob'));

    // Bob's update arrives first: it builds on Alice's, which the server lacks.
    const server = new Y.Doc();
    expect(receive(server, bobTyped!)).toBe('applied');
    expect(server.store.pendingStructs).not.toBeNull();
    expect(server.getText('text').toJSON()).toBe('');

    expect(receive(server, aliceTyped!)).toBe('applied');
    expect(server.store.pendingStructs).toBeNull();
    expect(server.getText('text').toJSON()).toBe('Alice and Bob');
  });
});
