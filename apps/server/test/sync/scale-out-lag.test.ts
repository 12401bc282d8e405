// Scale-out: a follower that falls behind the Redis stream must not miss
// edits. The persister used to XDEL an entry right after writing it to
// Postgres, so an instance whose read loop stalled for longer than a flush
// interval (or that loaded a map just before an entry went) never applied
// it and its clients silently diverged. These tests stall the read loop, or
// delay the join, deterministically, with a zero retention so entries are
// trimmed as soon as they are written.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYSTEM_AUTHOR } from '@journeyboard/shared';
import { stamp } from '../../src/sync/attribution.ts';
import type { SyncLogger } from '../../src/sync/logger.ts';
import { createPrismaPersistence, type BoardPersistence } from '../../src/sync/persistence.ts';
import { RedisRelay, type DocumentRelay, type RelayTarget } from '../../src/sync/redis-relay.ts';
import { createBoard, useTestDatabase, waitFor } from './helpers.ts';

const db = useTestDatabase();

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;
const streamKey = (mapId: string) => `${keyPrefix}:map:${mapId}/updates`;

const silent: SyncLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const REMOTE = Symbol('remote');

const redis = new Redis(REDIS_URL);
let relays: RedisRelay[] = [];
afterEach(async () => {
  await Promise.all(relays.map((relay) => relay.close()));
  relays = [];
});
afterAll(async () => {
  const keys = await redis.keys(`${keyPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function startRelay(
  persistence: BoardPersistence,
  flushIntervalMs = 20,
): Promise<RedisRelay> {
  const relay = new RedisRelay({
    url: REDIS_URL,
    keyPrefix,
    persistence,
    flushIntervalMs,
    compactAfterUpdates: 1_000,
    compactMinIntervalMs: 30_000,
    // Test seam: persisted entries are trimmed at once (production: 60 s).
    streamRetentionMs: 0,
    log: silent,
  });
  relays.push(relay);
  await relay.start();
  return relay;
}

/** A loaded map as the relay sees it: a Y.Doc whose own edits go to the stream. */
class TestTarget implements RelayTarget {
  readonly doc = new Y.Doc();
  relay: DocumentRelay | null = null;

  constructor(stored: readonly Uint8Array[]) {
    for (const update of stored) Y.applyUpdate(this.doc, update, REMOTE);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.relay?.publishUpdate(stamp(update, SYSTEM_AUTHOR));
    });
  }

  edit(key: string): void {
    this.doc.getMap('lag-test').set(key, true);
  }

  keys(): string[] {
    return [...this.doc.getMap('lag-test').keys()].sort();
  }

  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE);
  }
  applyRemoteAwareness(): void {}
  dropRemoteAwareness(): void {}
  flushDirectWrites(): Promise<void> {
    return Promise.resolve();
  }
  localAwareness(): Uint8Array | null {
    return null;
  }
  fullState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }
  storeDirectly(): void {
    throw new Error('Redis is up: nothing may bypass the stream');
  }
  mapGone(): void {
    throw new Error('the map exists');
  }
}

/** Loads the map the way the registry does: trim record first, then Postgres. */
async function loadMap(relay: RedisRelay, persistence: BoardPersistence, mapId: string) {
  const loadedAfter = await relay.trimmedId(mapId);
  const stored = await persistence.load(mapId);
  return { loadedAfter, target: new TestTarget(stored?.updates ?? []) };
}

async function join(relay: RedisRelay, mapId: string, loaded: Awaited<ReturnType<typeof loadMap>>) {
  loaded.target.relay = await relay.join(mapId, loaded.target, loaded.loadedAfter);
  return loaded.target;
}

/** Holds the relay's next XREADs (its blocking read loop) until released. */
function stallReadLoop(relay: RedisRelay): { stalled: Promise<void>; release: () => void } {
  const reader = (relay as unknown as { reader: Redis }).reader;
  const original = reader.callBuffer.bind(reader);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let onStalled!: () => void;
  const stalled = new Promise<void>((resolve) => (onStalled = resolve));
  reader.callBuffer = (async (...args: Parameters<typeof original>) => {
    onStalled();
    await released;
    return original(...args);
  }) as typeof reader.callBuffer;
  return { stalled, release };
}

/** Every edit is in Postgres and the stream no longer holds the first ones. */
async function persistedAndTrimmed(mapId: string, edits: number): Promise<void> {
  const { prisma } = db();
  await waitFor(
    async () =>
      (await prisma.boardUpdate.count({ where: { mapId } })) === edits &&
      (await redis.xlen(streamKey(mapId))) < edits,
    { what: 'the edits persisted and trimmed from the stream' },
  );
}

const EDITS = ['e0', 'e1', 'e2', 'e3', 'e4'];

describe('a follower behind the redis stream', () => {
  it('catches up on entries trimmed while its read loop was stalled', async () => {
    const { prisma } = db();
    const persistence = createPrismaPersistence(prisma);
    const mapId = await createBoard(prisma);
    const a = await startRelay(persistence);
    const b = await startRelay(persistence);
    const onA = await join(a, mapId, await loadMap(a, persistence, mapId));
    const onB = await join(b, mapId, await loadMap(b, persistence, mapId));

    const { stalled, release } = stallReadLoop(b);
    await stalled; // B's read loop is stuck before its next XREAD (a GC pause, a busy event loop)
    for (const key of EDITS) onA.edit(key);
    await persistedAndTrimmed(mapId, EDITS.length);
    release();

    await waitFor(() => onB.keys().join() === EDITS.join(), {
      what: "A's edits on B after its stall",
    });
    // Catching up from Postgres stores nothing again.
    expect(await prisma.boardUpdate.count({ where: { mapId } })).toBe(EDITS.length);
  });

  it('catches up on entries trimmed between its Postgres load and its join', async () => {
    const { prisma } = db();
    const persistence = createPrismaPersistence(prisma);
    const mapId = await createBoard(prisma);
    const a = await startRelay(persistence);
    const b = await startRelay(persistence);
    const onA = await join(a, mapId, await loadMap(a, persistence, mapId));

    const loadedByB = await loadMap(b, persistence, mapId);
    for (const key of EDITS) onA.edit(key);
    await persistedAndTrimmed(mapId, EDITS.length);
    const onB = await join(b, mapId, loadedByB);

    // Before B answers anyone from the doc, not eventually.
    expect(onB.keys()).toEqual(EDITS);
  });

  it('never trims an entry that is not yet in Postgres', async () => {
    const { prisma } = db();
    const persistence = createPrismaPersistence(prisma);
    const mapId = await createBoard(prisma);
    const key = streamKey(mapId);
    // An instance that took the first entry and died before writing it.
    const ghost = new Y.Doc();
    const updates: Buffer[] = [];
    ghost.on('update', (update: Uint8Array) => updates.push(Buffer.from(update)));
    for (const edit of EDITS) ghost.getMap('lag-test').set(edit, true);
    await redis.xgroup('CREATE', key, 'persist', '0', 'MKSTREAM');
    const [firstId] = await Promise.all(
      updates.map((update) => redis.xadd(key, '*', 'u', update, 'o', 'ghost')),
    );
    await redis.xreadgroup('GROUP', 'persist', 'ghost', 'COUNT', 1, 'STREAMS', key, '>');

    // Flushes every 200 ms; claims what the ghost holds after 2 s.
    const a = await startRelay(persistence, 200);
    const onA = await join(a, mapId, await loadMap(a, persistence, mapId));
    expect(onA.keys()).toEqual(EDITS);
    const rows = () => prisma.boardUpdate.count({ where: { mapId } });
    await waitFor(async () => (await rows()) === EDITS.length - 1, {
      what: 'four entries written',
    });
    // One more write: its pass starts after the previous pass (and its trim) ended.
    await redis.xadd(key, '*', 'u', Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())), 'o', 'other');
    await waitFor(async () => (await rows()) === EDITS.length, { what: 'a second write' });
    const oldest = (await redis.xrange(key, '-', '+', 'COUNT', 1))[0]?.[0];
    const [pending, , , owners] = (await redis.xpending(key, 'persist')) as [
      number,
      string,
      string,
      [string, string][],
    ];
    expect({ pending, owners }).toEqual({ pending: 1, owners: [['ghost', '1']] });
    expect(oldest).toBe(firstId);

    // Once claimed and written, it may go.
    await waitFor(async () => (await rows()) === EDITS.length + 1, {
      timeoutMs: 10_000,
      what: "the ghost's entry claimed and written",
    });
    await waitFor(async () => (await redis.xlen(key)) === 1, { what: 'the trim' });
  });
});
