// Updates that parse but that Yjs cannot integrate safely (found by
// fuzz.test.ts, FUZZ_SEED=81812033): the sender is closed with 1007 and the
// board keeps relaying and storing everyone else's edits. And the other side
// of the line: an update whose dependencies have not arrived yet is valid and
// must not be rejected.
import { addCard } from '@journeyboard/shared/board';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  cardTexts,
  connectClient,
  createBoard,
  firstCell,
  openRawSocket,
  syncUpdateFrame,
  useSyncServer,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const server = useSyncServer(db);

function syncStep1Frame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

// One item holding a ContentDeleted of length 0 under the root type "a".
// Applied, it left the server's Y.Doc with a transaction that never finished
// cleaning up, after which the doc emitted no 'update' events at all.
// prettier-ignore
const EMPTY_DELETED_ITEM = Uint8Array.from([1, 1, 1, 0, 0x01, 1, 1, 0x61, 0, 0]);

describe('updates Yjs cannot integrate safely', () => {
  it('close only the sender; the board keeps relaying and storing edits', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    const bob = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);

    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    raw.socket.send(syncUpdateFrame(EMPTY_DELETED_ITEM));
    const closed = await raw.closed;
    expect(closed.code).toBe(1007);
    expect(closed.reason).not.toBe('');

    const cardId = addCard(bob.doc, { ...firstCell(bob), text: 'after the bad frame' })!;
    await waitFor(
      () => alice.store.getSnapshot().cards.get(cardId)?.text === 'after the bad frame',
      { what: "Bob's card on Alice's board" },
    );
    expect(alice.closes).toEqual([]);
    expect(bob.closes).toEqual([]);

    await server().app.sync.flushAll();
    const stored = await storedDoc(db().prisma, mapId);
    expect(cardTexts(stored)).toContain('after the bad frame');
  });

  it('keep an update whose dependencies are missing, and apply it once they arrive', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    await synced(alice);

    // Two edits by different people; the second builds on the first.
    const first = new Y.Doc();
    const firstUpdates: Uint8Array[] = [];
    first.on('update', (update: Uint8Array) => firstUpdates.push(update));
    first.getText('notes').insert(0, 'first');
    const second = new Y.Doc();
    Y.applyUpdate(second, firstUpdates[0]!);
    const secondUpdates: Uint8Array[] = [];
    second.on('update', (update: Uint8Array) => secondUpdates.push(update));
    second.getText('notes').insert(5, ' then second');

    // The dependent one reaches the server first: valid, so the socket stays open.
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    raw.socket.send(syncUpdateFrame(secondUpdates[0]!));
    raw.socket.send(syncStep1Frame());
    await waitFor(() => raw.messages.some((message) => message[0] === 0 && message[1] === 1), {
      what: 'the answer to sync step 1',
    });
    expect(alice.doc.getText('notes').toJSON()).toBe('');

    raw.socket.send(syncUpdateFrame(firstUpdates[0]!));
    await waitFor(() => alice.doc.getText('notes').toJSON() === 'first then second', {
      what: 'both edits on Alice’s board',
    });
    raw.socket.close();
    expect((await raw.closed).code).toBe(1005);
  });
});
