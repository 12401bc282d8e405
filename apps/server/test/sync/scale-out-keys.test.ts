// Scale-out: a map's Redis keys (update stream + consumer group, trim
// record, its entry in the index of maps) don't outlive its use. A map idle
// on every instance for REDIS_IDLE_MAP_TTL_MS loses them — but only once
// every entry in its stream is in Postgres — and a deleted map loses them at
// once. Postgres holds the board, so reopening it loses nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOwnRedis, type OwnRedis } from './fixtures/redis-server.ts';
import { addCards, clocksStoredTwice } from './fixtures/scale-out.ts';
import { spawnServerProcess, type ServerProcess } from './fixtures/spawn-server.ts';
import {
  boardAccess,
  cardTexts,
  connectClient,
  createBoard,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

/** The smallest REDIS_IDLE_MAP_TTL_MS (production: 10 min). */
const IDLE_TTL_MS = 1_000;

let redis: OwnRedis;
let servers: ServerProcess[] = [];
const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  redis = await startOwnRedis();
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  servers = [];
});
afterAll(async () => {
  await redis.stop();
});

async function instance(
  options: { idleMapTtlMs?: number; flushIntervalMs?: number } = {},
): Promise<ServerProcess> {
  const server = await spawnServerProcess({
    databaseUrl: db().databaseUrl,
    flushIntervalMs: options.flushIntervalMs ?? 200,
    redis: { url: redis.url, keyPrefix, idleMapTtlMs: options.idleMapTtlMs ?? IDLE_TTL_MS },
  });
  servers.push(server);
  return server;
}

const streamKey = (mapId: string) => `${keyPrefix}:map:${mapId}/updates`;

/** Every key about the map, and its entry in the index of maps. */
async function redisKeysOf(mapId: string): Promise<string[]> {
  const keys = await redis.client().keys(`${keyPrefix}:map:${mapId}*`);
  const indexed = await redis.client().zscore(`${keyPrefix}:maps`, mapId);
  return indexed === null ? keys : [...keys, `${keyPrefix}:maps[${mapId}]`];
}

async function keysRemoved(mapId: string): Promise<void> {
  await waitFor(async () => (await redisKeysOf(mapId)).length === 0, {
    timeoutMs: 30_000,
    what: "the map's redis keys removed",
  });
}

describe("an idle map's redis keys", () => {
  it('are removed once no instance has had the map open for the idle time; reopening it loses nothing', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const [a, b] = await Promise.all([instance(), instance()]);
    const onA = connectClient(a.syncUrl, mapId);
    const onB = connectClient(b.syncUrl, mapId);
    await Promise.all([onA, onB].map(synced));
    const texts = [...addCards(onA, 'a', 5), ...addCards(onB, 'b', 5)].sort();
    await waitFor(
      () => [onA, onB].every((client) => cardTexts(client.doc).join() === texts.join()),
      {
        timeoutMs: 20_000,
        what: 'the cards on both clients',
      },
    );
    expect(await redisKeysOf(mapId)).toContain(streamKey(mapId));

    onA.destroy();
    onB.destroy();
    await keysRemoved(mapId);

    // Reopened on both instances: the same board, from Postgres.
    const again = [connectClient(a.syncUrl, mapId), connectClient(b.syncUrl, mapId)];
    await Promise.all(again.map(synced));
    for (const client of again) expect(cardTexts(client.doc)).toEqual(texts);
    // …and the relay works again on fresh keys.
    const [more] = addCards(again[0]!, 'after', 1);
    await waitFor(() => cardTexts(again[1]!.doc).includes(more!), {
      timeoutMs: 20_000,
      what: 'an edit crossing instances after the keys were removed',
    });
    const all = [...texts, more!].sort();
    await waitFor(async () => cardTexts(await storedDoc(prisma, mapId)).join() === all.join(), {
      timeoutMs: 20_000,
      what: 'every card in Postgres',
    });
    expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
  }, 120_000);

  it('are removed only after the entries an instance died holding are in Postgres', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    // A writes its stream to Postgres once a minute: when it dies, nothing
    // its client sent is stored yet.
    const a = await instance({ flushIntervalMs: 60_000 });
    const client = connectClient(a.syncUrl, mapId);
    await synced(client);
    const texts = addCards(client, 'only-in-redis', 6).sort();
    await waitFor(async () => (await redis.client().xlen(streamKey(mapId))) >= texts.length, {
      timeoutMs: 10_000,
      what: 'the edits in the stream',
    });
    await a.kill();
    client.destroy(); // the tab is gone too: nobody will send these again
    // Three entries pending for an instance that died holding them, the rest never delivered.
    await redis
      .client()
      .xreadgroup(
        'GROUP',
        'persist',
        'a-dead-instance',
        'COUNT',
        3,
        'STREAMS',
        streamKey(mapId),
        '>',
      );
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual([]);

    // Another instance, which never had the map open, cleans up.
    await instance();
    await keysRemoved(mapId);
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
    expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
  }, 120_000);
});

describe("a deleted map's redis keys", () => {
  it('are removed when the map is deleted', async () => {
    const mapId = await createBoard(db().prisma);
    // Never idle long enough for the sweep: only the deletion can remove them.
    const a = await instance({ idleMapTtlMs: 600_000 });
    const client = connectClient(a.syncUrl, mapId);
    await synced(client);
    const texts = addCards(client, 'doomed', 3).sort();
    await waitFor(async () => (await redis.client().xlen(streamKey(mapId))) >= 3, {
      timeoutMs: 30_000,
      what: 'the edits in the stream',
    });
    // Written, so no persister pass stumbles on the deleted map (which
    // would remove the keys too): only the deletion's own removal can.
    await waitFor(
      async () => cardTexts(await storedDoc(db().prisma, mapId)).join() === texts.join(),
      { timeoutMs: 30_000, what: 'the edits in Postgres' },
    );
    const deleted = await fetch(`http://127.0.0.1:${a.port}/api/maps/${mapId}`, {
      method: 'DELETE',
      headers: { cookie: boardAccess(mapId).owner.cookie },
    });
    expect(deleted.status).toBe(204);
    await keysRemoved(mapId);
  }, 60_000);
});
