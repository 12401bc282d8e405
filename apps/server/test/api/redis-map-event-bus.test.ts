// The Redis map event bus on its own (real Redis): what it logs and
// repairs when a message is malformed or a publish fails.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TMapEvent } from '@journeyboard/shared';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { MapEventLogger } from '../../src/services/map-events/map-event-bus.ts';
import { mapEventChannel } from '../../src/services/map-events/map-event-message.ts';
import { RedisMapEventBus } from '../../src/services/map-events/redis-map-event-bus.ts';

const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;
const deleted: TMapEvent = { type: 'thread-deleted', threadId: 't1' };
const readers = { action: 'comment.read' } as const;

const buses: RedisMapEventBus[] = [];
afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
});

function recordingBus() {
  const logged: string[] = [];
  const log: MapEventLogger = {
    warn: (_details, message) => logged.push(message),
    error: (_details, message) => logged.push(message),
  };
  const bus = new RedisMapEventBus({ url, keyPrefix, log });
  buses.push(bus);
  return { bus, logged };
}

async function eventually(check: () => boolean, what: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('RedisMapEventBus', () => {
  it('logs and drops a malformed message', async () => {
    const { bus, logged } = recordingBus();
    await bus.start();
    const mapId = randomUUID();
    const received: TMapEvent[] = [];
    await bus.subscribe(mapId, (event) => received.push(event)).ready;

    const redis = new Redis(url);
    try {
      await redis.publish(mapEventChannel(keyPrefix, mapId), '{"origin":"x","event":{}}');
      await redis.publish(
        mapEventChannel(keyPrefix, mapId),
        JSON.stringify({ origin: 'x', audience: readers, event: deleted }),
      );
    } finally {
      await redis.quit();
    }
    await eventually(() => received.length > 0, 'the valid event');
    expect(received).toEqual([deleted]);
    expect(logged).toEqual(['malformed map event from redis; dropped']);
  });

  it('delivers locally when a publish fails, then has other instances reload the map', async () => {
    const watcher = recordingBus();
    await watcher.bus.start();
    const mapId = randomUUID();
    const remote: TMapEvent[] = [];
    await watcher.bus.subscribe(mapId, (event) => remote.push(event)).ready;

    // Never started: its publisher is not connected, so the first publish
    // fails at once (no offline queue) — and makes ioredis connect.
    const writer = recordingBus();
    const local: TMapEvent[] = [];
    writer.bus.subscribe(mapId, (event) => local.push(event));
    writer.bus.publish(mapId, deleted, readers);
    expect(local).toEqual([deleted]);

    // Once connected it publishes `ready` on the map's channel instead.
    await eventually(() => remote.length > 0, 'ready on the other instance');
    expect(remote).toEqual([{ type: 'ready' }]);
    expect(writer.logged).toContain('could not publish a map event');
    // Its own watcher had the event directly (and, as its subscriber connected
    // late too, a `ready` of its own), never the echo.
    expect(local.filter((event) => event.type !== 'ready')).toEqual([deleted]);
  });
});
