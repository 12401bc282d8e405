import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateOutbox, type MessageFor } from './update-outbox.ts';

/** One person's edit: sets `key` in the shared map, as its own Yjs client. */
function edit(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('board').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}

/** The keys a client would see after applying a relayed sync-update message. */
function keysIn(message: Uint8Array | null): string[] {
  if (!message) return [];
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(0); // sync
  expect(decoding.readVarUint(decoder)).toBe(2); // update
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  return [...doc.getMap('board').keys()].sort();
}

function recordingOutbox(): { outbox: UpdateOutbox; deliveries: MessageFor[] } {
  const deliveries: MessageFor[] = [];
  return { outbox: new UpdateOutbox((messageFor) => deliveries.push(messageFor)), deliveries };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('UpdateOutbox', () => {
  it('relays a lone change to everyone but its author', async () => {
    const { outbox, deliveries } = recordingOutbox();
    outbox.add(edit('a'), 'alice');
    expect(deliveries).toHaveLength(0); // not before the turn ends
    await nextTurn();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!('alice')).toBeNull();
    expect(keysIn(deliveries[0]!('bob'))).toEqual(['a']);
  });

  it('sends the changes of one turn as one message, without anyone’s own', async () => {
    const { outbox, deliveries } = recordingOutbox();
    outbox.add(edit('a1'), 'alice');
    outbox.add(edit('b'), 'bob');
    outbox.add(edit('a2'), 'alice');
    await nextTurn();
    expect(deliveries).toHaveLength(1);
    const messageFor = deliveries[0]!;
    expect(keysIn(messageFor('carol'))).toEqual(['a1', 'a2', 'b']);
    expect(keysIn(messageFor('alice'))).toEqual(['b']);
    expect(keysIn(messageFor('bob'))).toEqual(['a1', 'a2']);
  });

  it('keeps changes of different turns apart', async () => {
    const { outbox, deliveries } = recordingOutbox();
    outbox.add(edit('first'), 'alice');
    await nextTurn();
    outbox.add(edit('second'), 'alice');
    await nextTurn();
    expect(deliveries.map((messageFor) => keysIn(messageFor('bob')))).toEqual([
      ['first'],
      ['second'],
    ]);
  });

  it('sends the whole batch to everyone when many people contributed', async () => {
    const { outbox, deliveries } = recordingOutbox();
    const people = Array.from({ length: 12 }, (_, index) => `person-${index}`);
    for (const person of people) outbox.add(edit(person), person);
    await nextTurn();
    // Yjs skips what a client already has, so its own change coming back is harmless.
    expect(keysIn(deliveries[0]!('person-0'))).toEqual([...people].sort());
  });

  it('flushes on demand and drops what is queued when discarded', async () => {
    const { outbox, deliveries } = recordingOutbox();
    outbox.add(edit('now'), 'alice');
    outbox.flush();
    expect(keysIn(deliveries[0]!('bob'))).toEqual(['now']);
    outbox.add(edit('never'), 'alice');
    outbox.discard();
    await nextTurn();
    expect(deliveries).toHaveLength(1);
  });
});
