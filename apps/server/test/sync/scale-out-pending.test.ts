// Scale-out: stream entries an instance took from the consumer group but did
// not write to Postgres — because it died, or because it stalled — and a
// stream whose every instance died. Real server processes on a redis-server
// of this file's own (fixtures/redis-server.ts).
//
// Which instance takes which entry is Redis' choice, so a test that kills a
// real instance mid-edit only sometimes leaves entries pending at it (see
// scale-out.test.ts). Here the instance that took them is a consumer the
// test plays: it XADDs updates as another instance would and, in the same
// MULTI, has them delivered to a consumer that never acknowledges them —
// exactly what a persister pass leaves behind when its process dies between
// XREADGROUP and the write.
import { randomBytes } from 'node:crypto';
import { SYSTEM_AUTHOR } from '@journeyboard/shared';
import { addCard, BoardStore } from '@journeyboard/shared/board';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { stamp } from '../../src/sync/attribution.ts';
import type { SyncLogger } from '../../src/sync/logger.ts';
import {
  appendUpdates,
  createPrismaPersistence,
  type BoardPersistence,
} from '../../src/sync/persistence.ts';
import { PERSIST_GROUP, RedisPersister } from '../../src/sync/redis-persister.ts';
import { startOwnRedis, type OwnRedis } from './fixtures/redis-server.ts';
import { addCards, clocksStoredTwice, keepMovingCursors } from './fixtures/scale-out.ts';
import { spawnServerProcess, type ServerProcess } from './fixtures/spawn-server.ts';
import {
  cardTexts,
  connectClient,
  createBoard,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

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

/** flushIntervalMs 200: entries idle for 2 s at another consumer are claimed. */
async function instance(flushIntervalMs = 200): Promise<ServerProcess> {
  const server = await spawnServerProcess({
    databaseUrl: db().databaseUrl,
    flushIntervalMs,
    redis: { url: redis.url, keyPrefix },
  });
  servers.push(server);
  return server;
}

const streamKey = (mapId: string) => `${keyPrefix}:map:${mapId}/updates`;

/**
 * Two people with the map open on `server`, moving their cursors until the
 * test ends: the map stays loaded, so only a claim can write what another
 * consumer holds (an unload would drain the stream).
 */
async function twoPeopleOn(server: ServerProcess, mapId: string): Promise<TestClient[]> {
  const people = [connectClient(server.syncUrl, mapId), connectClient(server.syncUrl, mapId)];
  await Promise.all(people.map(synced));
  stopMoving = keepMovingCursors(people);
  return people;
}
let stopMoving = () => undefined as void;
afterEach(() => stopMoving());

/** The map stayed loaded throughout: no socket of theirs ever closed. */
function stayedOpen(people: readonly TestClient[]): void {
  for (const person of people) expect(person.closes).toEqual([]);
}

/** One update per card, made on a copy of the stored board: what a client of another instance sent. */
async function cardUpdates(mapId: string, texts: readonly string[]): Promise<Uint8Array[]> {
  const doc = await storedDoc(db().prisma, mapId);
  const store = new BoardStore(doc);
  const { stages, lanes } = store.getSnapshot();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const text of texts) addCard(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text });
  store.destroy();
  doc.destroy();
  return updates;
}

/**
 * Instance `holder` streams `updates` and its persister takes them — in one
 * MULTI, so no live instance's persister can take them first — and then
 * never acknowledges them.
 */
async function streamedAndTakenBy(
  holder: string,
  mapId: string,
  updates: readonly Uint8Array[],
): Promise<void> {
  const multi = redis.client().multi();
  for (const update of updates)
    multi.xadd(streamKey(mapId), '*', 'u', Buffer.from(update), 'o', holder);
  multi.xreadgroup('GROUP', PERSIST_GROUP, holder, 'STREAMS', streamKey(mapId), '>');
  await multi.exec();
  const pending = await redis.client().xpending(streamKey(mapId), PERSIST_GROUP);
  expect(pending[0]).toBe(updates.length);
}

async function inPostgres(mapId: string, texts: readonly string[]): Promise<void> {
  await waitFor(
    async () => cardTexts(await storedDoc(db().prisma, mapId)).join() === [...texts].sort().join(),
    {
      timeoutMs: 60_000,
      what: 'the cards in Postgres',
      missing: async () => {
        const stored = new Set(cardTexts(await storedDoc(db().prisma, mapId)));
        return texts.filter((text) => !stored.has(text)).join(', ');
      },
    },
  );
}

describe('entries an instance took from the stream but never wrote', () => {
  it('are written by another instance that has the map open, once', async () => {
    const mapId = await createBoard(db().prisma);
    const a = await instance();
    const onA = await twoPeopleOn(a, mapId);
    const texts = ['taken-0', 'taken-1', 'taken-2'];
    await streamedAndTakenBy('a-dead-instance', mapId, await cardUpdates(mapId, texts));

    // A relays them at once (its clients see them)…
    await waitFor(() => texts.every((text) => cardTexts(onA[0]!.doc).includes(text)), {
      timeoutMs: 30_000,
      what: "the dead instance's cards on A's client",
    });
    // …and, once they have been idle at the dead consumer for 10 flush
    // intervals, claims and writes them: nobody else ever would.
    await inPostgres(mapId, texts);
    stayedOpen(onA);
    expect(await clocksStoredTwice(db().prisma, mapId)).toBe(0);
    expect((await redis.client().xpending(streamKey(mapId), PERSIST_GROUP))[0]).toBe(0);
  }, 120_000);

  it('are stored once when the instance was only slow and writes them after all', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const a = await instance();
    const onA = await twoPeopleOn(a, mapId);
    const texts = ['slow-0', 'slow-1', 'slow-2'];
    const updates = await cardUpdates(mapId, texts);
    await streamedAndTakenBy('a-slow-instance', mapId, updates);
    await inPostgres(mapId, texts); // claimed and written by A
    stayedOpen(onA);
    const rows = await prisma.boardUpdate.count({ where: { mapId } });

    // The stalled instance wakes up and finishes its pass: its persister
    // appends what it took (persistence.append), then acknowledges it.
    await appendUpdates(
      prisma,
      mapId,
      updates.map((update) => stamp(update, SYSTEM_AUTHOR)),
    );
    expect(await prisma.boardUpdate.count({ where: { mapId } })).toBe(rows);
    expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
  }, 120_000);
});

describe('every instance dying', () => {
  it('leaves the streamed edits to the next instance that opens the map: it shows and writes them', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    // A writes its stream to Postgres once a minute: when it dies, nothing
    // its client streamed is stored.
    const a = await instance(60_000);
    const author = connectClient(a.syncUrl, mapId);
    await synced(author);
    const texts = addCards(author, 'only-in-redis', 5).sort();
    await waitFor(async () => (await redis.client().xlen(streamKey(mapId))) >= texts.length, {
      timeoutMs: 30_000,
      what: 'the edits in the stream',
    });
    await a.kill();
    author.destroy(); // nobody will send these again
    // Two of them were taken by A's persister (a pass that never finished).
    await redis
      .client()
      .xreadgroup(
        'GROUP',
        PERSIST_GROUP,
        'a-dead-instance',
        'COUNT',
        2,
        'STREAMS',
        streamKey(mapId),
        '>',
      );
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual([]);

    const b = await instance();
    const readers = await twoPeopleOn(b, mapId);
    // From the stream, before B's first answer.
    for (const reader of readers) expect(cardTexts(reader.doc)).toEqual(texts);
    await inPostgres(mapId, texts);
    stayedOpen(readers);
    expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
  }, 120_000);
});

describe('a persister whose XACK fails after its write (Redis died in between)', () => {
  it('acknowledges those entries again once Redis is back, and never appends them again', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const stored = createPrismaPersistence(prisma);
    const killed: { redis: Promise<void> | null } = { redis: null };
    let appendsAfterCompaction = 0;
    let compacted = false;
    const persistence: BoardPersistence = {
      ...stored,
      append: async (id, updates) => {
        if (compacted) appendsAfterCompaction += 1;
        await stored.append(id, updates);
        // The write committed; Redis dies before the XACK.
        if (updates.length > 0) killed.redis ??= redis.kill();
      },
    };
    const silent: SyncLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    // As the relay's own command connection: fails fast while Redis is away.
    const connection = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    connection.on('error', () => undefined);
    const persister = new RedisPersister({
      redis: connection,
      consumer: 'this-instance',
      persistence,
      flushIntervalMs: 50,
      compactAfterUpdates: 1_000_000,
      compactMinIntervalMs: 0,
      streamKey,
      trimmedKey: (id) => `${keyPrefix}:map:${id}/trimmed`,
      retentionMs: 60_000,
      log: silent,
      onMapGone: () => undefined,
    });
    try {
      await waitFor(() => connection.status === 'ready', { what: 'the connection' });
      await persister.ensureGroup(mapId);
      persister.add(mapId);
      const texts = ['acked-late-0', 'acked-late-1', 'acked-late-2'];
      for (const update of await cardUpdates(mapId, texts))
        await redis
          .client()
          .xadd(streamKey(mapId), '*', 'u', Buffer.from(update), 'o', 'elsewhere');
      persister.start();
      await waitFor(() => killed.redis !== null, { timeoutMs: 30_000, what: 'the first write' });
      await killed.redis;
      await inPostgres(mapId, texts);

      // Meanwhile a compaction (another instance's, say) folds the log into
      // the snapshot; the digest can't match a folded row any more.
      await stored.compact(mapId);
      compacted = true;
      // The persister's next pass retries what failed: only the XACK.
      await waitFor(() => appendsAfterCompaction > 0, {
        timeoutMs: 30_000,
        what: "the persister's retry after the compaction",
      });
      // Redis comes back (empty) and the retry succeeds.
      await redis.start();
      await waitFor(() => connection.status === 'ready', {
        timeoutMs: 30_000,
        what: "the persister's connection back",
      });
      await persister.ensureGroup(mapId);
      await persister.stop();
      expect(await prisma.boardUpdate.count({ where: { mapId } })).toBe(0);
      expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
      expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
    } finally {
      await persister.stop();
      connection.disconnect();
    }
  }, 120_000);
});
