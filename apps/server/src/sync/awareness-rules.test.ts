import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  AwarenessBindings,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  mayClaim,
} from './awareness-rules.ts';
import { RateLimit, SyncRefusal } from './presence-limits.ts';
import { ProtocolError } from './protocol.ts';

/** Test holders are `<owner>/<socket>` strings. */
const ownerOfSocket = (holder: string) => holder.split('/')[0]!;

/** An awareness update whose states are written as given (not necessarily valid JSON). */
function rawUpdate(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

describe('decodeAwarenessUpdate', () => {
  it('reads every entry of an update', () => {
    const update = encodeAwarenessEntries([
      { clientId: 1, clock: 3, state: { cursor: { x: 1, y: 2 } } },
      { clientId: 2, clock: 1, state: null },
    ]);
    expect(decodeAwarenessUpdate(update)).toEqual([
      { clientId: 1, clock: 3, state: { cursor: { x: 1, y: 2 } } },
      { clientId: 2, clock: 1, state: null },
    ]);
  });

  it('skips unwanted client ids without parsing their states', () => {
    const update = rawUpdate([
      { clientId: 7, clock: 1, json: 'not json at all' },
      { clientId: 1, clock: 2, json: '{"cursor":null}' },
    ]);
    expect(decodeAwarenessUpdate(update, (clientId) => clientId === 1)).toEqual([
      { clientId: 1, clock: 2, state: { cursor: null } },
    ]);
    expect(() => decodeAwarenessUpdate(update)).toThrow(ProtocolError);
  });

  it('still rejects an update that is cut short inside a skipped entry', () => {
    const update = rawUpdate([{ clientId: 7, clock: 1, json: '{"cursor":{"x":1}}' }]);
    const truncated = update.slice(0, -4);
    expect(() => decodeAwarenessUpdate(truncated, () => false)).toThrow(ProtocolError);
    const trailing = Uint8Array.from([...update, 0]);
    expect(() => decodeAwarenessUpdate(trailing, () => false)).toThrow(ProtocolError);
  });
});

describe('decodeAwarenessUpdate with a size limit', () => {
  it('refuses a wanted state over the limit before parsing it; skipped ones cost nothing', () => {
    const update = rawUpdate([
      { clientId: 7, clock: 1, json: JSON.stringify({ big: 'x'.repeat(100) }) },
      { clientId: 1, clock: 1, json: '{"cursor":null}' },
    ]);
    expect(() => decodeAwarenessUpdate(update, undefined, 50)).toThrow(SyncRefusal);
    expect(decodeAwarenessUpdate(update, (clientId) => clientId === 1, 50)).toHaveLength(1);
  });
});

describe('the id-binding rule', () => {
  it('gives an id back only to the identity that used it', () => {
    const bindings = new AwarenessBindings(ownerOfSocket);
    expect(mayClaim(bindings.claimOf(5), 'user-a')).toBe(true);
    bindings.bind(5, 'user-a/socket-1');
    expect(bindings.release(5, 'user-a/socket-2')).toBe(false); // not its holder
    expect(bindings.release(5, 'user-a/socket-1')).toBe(true);
    expect(mayClaim(bindings.claimOf(5), 'user-a')).toBe(true);
    expect(mayClaim(bindings.claimOf(5), 'user-b')).toBe(false);
    expect(mayClaim(bindings.claimOf(5), null)).toBe(false);
  });

  it('claims ids seen from other instances for the identity stamped there', () => {
    const bindings = new AwarenessBindings(ownerOfSocket);
    bindings.noteRemote(9, { user: { id: 'user-a' }, cursor: null });
    expect(mayClaim(bindings.claimOf(9), 'user-b')).toBe(false);
    expect(mayClaim(bindings.claimOf(9), 'user-a')).toBe(true);
  });

  it('forgets the oldest released claims past its cap, never held ones', () => {
    const bindings = new AwarenessBindings(ownerOfSocket, 2);
    bindings.bind(1, 'a/held');
    for (const clientId of [2, 3, 4]) {
      bindings.bind(clientId, `b/s${clientId}`);
      bindings.release(clientId, `b/s${clientId}`);
    }
    expect(bindings.claimOf(2)).toBeUndefined();
    expect(bindings.claimOf(3)).toEqual({ owner: 'b', open: false });
    expect(bindings.claimOf(1)).toEqual({ owner: 'a', open: true });
    expect(bindings.heldIds()).toEqual([1]);
  });

  it('gives a released id back to its owner, who then holds it again', () => {
    const bindings = new AwarenessBindings(ownerOfSocket, 2);
    bindings.bind(7, 'a/s1');
    bindings.release(7, 'a/s1');
    bindings.bind(7, 'a/s2');
    expect(bindings.claimOf(7)).toEqual({ owner: 'a', open: true });
    expect(bindings.holderOf(7)).toBe('a/s2');
    expect(bindings.release(7, 'a/s1')).toBe(false);
  });
});

describe('RateLimit', () => {
  it('allows a burst, then the sustained rate', () => {
    const limit = new RateLimit(10, 5);
    let due: number | undefined;
    const take = (now: number) => {
      const next = limit.take(due, now);
      if (next !== null) due = next;
      return next !== null;
    };
    expect(Array.from({ length: 6 }, () => take(0))).toEqual([true, true, true, true, true, false]);
    expect(take(100)).toBe(true); // 0.1 s refills one
    expect(take(100)).toBe(false);
    expect(take(1_000)).toBe(true); // a quiet second refills the bucket, and no more than that
    expect(Array.from({ length: 5 }, () => take(1_000))).toEqual([true, true, true, true, false]);
  });
});
