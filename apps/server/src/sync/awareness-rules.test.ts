import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessEntries } from './awareness-rules.ts';
import { ProtocolError } from './protocol.ts';

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
