import type { TCommentEvent, TCommentThread } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import {
  commentChannel,
  encodeCommentMessage,
  mapIdFromChannel,
  parseCommentMessage,
} from './comment-event-message.ts';

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

describe('comment channels', () => {
  it('names one channel per map under the key prefix, and reads the map back', () => {
    const channel = commentChannel('jb:test', mapId);
    expect(channel).toBe(`jb:test:map:${mapId}/comments`);
    expect(mapIdFromChannel('jb:test', channel)).toBe(mapId);
  });

  it('rejects channels of another prefix or kind', () => {
    expect(mapIdFromChannel('other', commentChannel('jb', mapId))).toBeNull();
    expect(mapIdFromChannel('jb', `jb:map:${mapId}/awareness`)).toBeNull();
    expect(mapIdFromChannel('jb', 'jb:map:/comments')).toBeNull();
    expect(mapIdFromChannel('jb', 'jb:map:a/b/comments')).toBeNull();
  });
});

describe('comment messages', () => {
  it('round-trips every event type with its origin', () => {
    for (const event of [
      { type: 'ready' },
      { type: 'thread', thread },
      { type: 'thread-deleted', threadId: 't1' },
    ] satisfies TCommentEvent[]) {
      expect(parseCommentMessage(encodeCommentMessage('instance-1', event))).toEqual({
        ok: true,
        message: { origin: 'instance-1', event },
      });
    }
  });

  it('rejects what is not JSON, has no origin, or is not a comment event', () => {
    const bad = [
      'not json',
      JSON.stringify({ event: { type: 'ready' } }),
      JSON.stringify({ origin: '', event: { type: 'ready' } }),
      JSON.stringify({ origin: 'x', event: { type: 'nope' } }),
      JSON.stringify({
        origin: 'x',
        event: { type: 'thread', thread: { ...thread, createdAt: 1 } },
      }),
      JSON.stringify({ origin: 'x', event: { type: 'thread-deleted' } }),
      JSON.stringify(null),
    ];
    for (const raw of bad) {
      const parsed = parseCommentMessage(raw);
      expect(parsed.ok, raw).toBe(false);
      if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
    }
  });

  it('drops fields the schema does not know', () => {
    const raw = JSON.stringify({ origin: 'x', extra: 1, event: { type: 'ready', extra: 2 } });
    expect(parseCommentMessage(raw)).toEqual({
      ok: true,
      message: { origin: 'x', event: { type: 'ready' } },
    });
  });
});
