import type { TCommentThread, TMapEvent } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import {
  encodeMapEventMessage,
  mapEventChannel,
  mapIdFromChannel,
  parseMapEventMessage,
} from './map-event-message.ts';

const mapId = '0b6f5c1e-3f1a-4e0b-9a51-6d1c2f7e8a90';
const thread: TCommentThread = {
  id: 't1',
  mapId,
  anchor: { kind: 'map' },
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:05.000Z',
  comments: [],
};
const everyone = { action: 'map.read' } as const;

describe('map event channels', () => {
  it('names one channel per map under the key prefix, and reads the map back', () => {
    const channel = mapEventChannel('jb:test', mapId);
    expect(channel).toBe(`jb:test:map:${mapId}/events`);
    expect(mapIdFromChannel('jb:test', channel)).toBe(mapId);
  });

  it('rejects channels of another prefix or kind', () => {
    expect(mapIdFromChannel('other', mapEventChannel('jb', mapId))).toBeNull();
    expect(mapIdFromChannel('jb', `jb:map:${mapId}/awareness`)).toBeNull();
    expect(mapIdFromChannel('jb', 'jb:map:/events')).toBeNull();
    expect(mapIdFromChannel('jb', 'jb:map:a/b/events')).toBeNull();
  });
});

describe('map event messages', () => {
  it('round-trips every event type with its origin and audience', () => {
    for (const event of [
      { type: 'ready' },
      { type: 'thread', thread },
      { type: 'thread-deleted', threadId: 't1' },
    ] satisfies TMapEvent[]) {
      const message = { origin: 'instance-1', audience: everyone, event };
      expect(parseMapEventMessage(encodeMapEventMessage(message))).toEqual({ ok: true, message });
    }
    const mine = {
      origin: 'instance-1',
      audience: { action: 'comment.read', participant: 'user:u1' },
      event: { type: 'ready' },
    } as const;
    expect(parseMapEventMessage(encodeMapEventMessage(mine))).toEqual({ ok: true, message: mine });
  });

  it('rejects what is not JSON, has no origin or audience, or is not a map event', () => {
    const bad = [
      'not json',
      JSON.stringify({ audience: everyone, event: { type: 'ready' } }),
      JSON.stringify({ origin: '', audience: everyone, event: { type: 'ready' } }),
      JSON.stringify({ origin: 'x', event: { type: 'ready' } }),
      JSON.stringify({ origin: 'x', audience: { action: 'nope' }, event: { type: 'ready' } }),
      JSON.stringify({
        origin: 'x',
        audience: { action: 'map.read', participant: '' },
        event: { type: 'ready' },
      }),
      JSON.stringify({ origin: 'x', audience: everyone, event: { type: 'nope' } }),
      JSON.stringify({
        origin: 'x',
        audience: everyone,
        event: { type: 'thread', thread: { ...thread, createdAt: 1 } },
      }),
      JSON.stringify({ origin: 'x', audience: everyone, event: { type: 'thread-deleted' } }),
      JSON.stringify(null),
    ];
    for (const raw of bad) {
      const parsed = parseMapEventMessage(raw);
      expect(parsed.ok, raw).toBe(false);
      if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
    }
  });

  it('drops fields the schema does not know', () => {
    const raw = JSON.stringify({
      origin: 'x',
      extra: 1,
      audience: { action: 'map.read', extra: 3 },
      event: { type: 'ready', extra: 2 },
    });
    expect(parseMapEventMessage(raw)).toEqual({
      ok: true,
      message: { origin: 'x', audience: everyone, event: { type: 'ready' } },
    });
  });
});
