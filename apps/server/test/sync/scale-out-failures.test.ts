// Scale-out under the failures of docs/architecture.md's failure-mode table,
// with real processes: two server instances and a redis-server of this
// file's own (fixtures/redis-server.ts), which the tests kill and restart,
// pause (SIGSTOP), and cut off from one instance (fixtures/tcp-proxy.ts).
//
// "Converge" means every client has every card, without reloading (no
// client's socket closes); "stored exactly once" means every card is in
// Postgres and no insert is in two stored rows (clocksStoredTwice).
//
// JB_SCALE_OUT_TIMINGS=1 prints what docs/architecture.md's table reports.
import { randomBytes } from 'node:crypto';
import { readBoard, renameStage } from '@journeyboard/shared/board';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOwnRedis, type OwnRedis } from './fixtures/redis-server.ts';
import {
  addCards,
  clocksStoredTwice,
  keepEditing,
  routeThroughBalancer,
} from './fixtures/scale-out.ts';
import { spawnServerProcess, type ServerProcess } from './fixtures/spawn-server.ts';
import { startTcpProxy, type TcpProxy } from './fixtures/tcp-proxy.ts';
import {
  boardAccess,
  cardTexts,
  connectClient,
  createBoard,
  shareLinkFor,
  sleep,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

/** REDIS_INSTANCE_TIMEOUT_MS here: the production default. */
const INSTANCE_TIMEOUT_MS = 3_000;
/** Below y-protocols' 30 s awareness timeout, which is what removed ghosts before. */
const GHOST_DEADLINE_MS = 15_000;
/** The Redis outages: the behaviour doesn't depend on their length (see the partition test). */
const OUTAGE_MS = 3_000;
/** One honest representative of the 30 s. */
const PARTITION_MS = 30_000;

let redis: OwnRedis;
let servers: ServerProcess[] = [];
let proxies: TcpProxy[] = [];
const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  redis = await startOwnRedis();
});
afterEach(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  await Promise.all(proxies.map((proxy) => proxy.close()));
  servers = [];
  proxies = [];
  // A test that failed half-way may have left Redis down.
  await redis.kill();
  await redis.start();
});
afterAll(async () => {
  await redis.stop();
});

function timing(what: string, ms: number): void {
  if (process.env.JB_SCALE_OUT_TIMINGS) console.info(`${what}: ${ms} ms`);
}

/**
 * Threshold compaction off (SYNC_COMPACT_AFTER_UPDATES): a compaction folds
 * duplicate rows into one, so one that happens to run after them would hide
 * them, and whether an edit is "stored exactly once" would depend on when
 * it ran. Without it, only the mechanisms under test keep rows single.
 */
const NO_THRESHOLD_COMPACTION = 1_000_000_000;

/** One instance per Redis URL (a proxy URL partitions that one instance). */
async function instances(...redisUrls: string[]): Promise<ServerProcess[]> {
  const { databaseUrl } = db();
  const started = await Promise.all(
    redisUrls.map((url) =>
      spawnServerProcess({
        databaseUrl,
        compactAfterUpdates: NO_THRESHOLD_COMPACTION,
        redis: { url, keyPrefix, instanceTimeoutMs: INSTANCE_TIMEOUT_MS },
      }),
    ),
  );
  servers.push(...started);
  return started;
}

interface Health {
  status: string;
  db: string;
  redis?: string;
}

async function health(server: ServerProcess): Promise<{ code: number; body: Health }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/health`);
  return { code: response.status, body: (await response.json()) as Health };
}

async function redisReported(server: ServerProcess, state: 'up' | 'down'): Promise<void> {
  await waitFor(async () => (await health(server)).body.redis === state, {
    timeoutMs: 20_000,
    what: `instance on ${server.port} reporting redis ${state}`,
  });
}

type Cursor = { cursor?: { label?: string } };
function seesCursor(watcher: TestClient, of: TestClient, label: string): boolean {
  const state = watcher.provider.awareness.getStates().get(of.doc.clientID) as Cursor | undefined;
  return state?.cursor?.label === label;
}
function seesAnyone(watcher: TestClient, of: TestClient): boolean {
  return watcher.provider.awareness.getStates().has(of.doc.clientID);
}

/** Every client has exactly `texts`, and none of them had to reconnect. */
async function converged(clients: TestClient[], texts: string[]): Promise<void> {
  await waitFor(() => clients.every((client) => cardTexts(client.doc).join() === texts.join()), {
    timeoutMs: 60_000,
    what: 'every card on every client',
  });
  for (const client of clients) expect(client.closes).toEqual([]);
}

let renameAttempts = 0;
/** A participant renames the first stage; true when the server puts the title back. */
async function renameIsUndone(participant: TestClient): Promise<boolean> {
  const stage = readBoard(participant.doc).stages[0]!;
  renameAttempts += 1;
  renameStage(participant.doc, stage.id, `Renamed under the lock ${renameAttempts}`);
  await sleep(500);
  return readBoard(participant.doc).stages[0]!.title === stage.title;
}

/** Every card in Postgres, and nothing stored twice once the stragglers are in. */
async function storedExactlyOnce(mapId: string, texts: string[]): Promise<void> {
  const { prisma } = db();
  await waitFor(async () => cardTexts(await storedDoc(prisma, mapId)).join() === texts.join(), {
    timeoutMs: 60_000,
    what: 'every card in Postgres',
  });
  // Pending entries are claimed after 1 s idle; give late writes time to land.
  await sleep(3_000);
  expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
  expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
}

describe('an instance that dies', () => {
  it("drops its people's presence on the other instances, and shows them again once they reconnect elsewhere", async () => {
    const mapId = await createBoard(db().prisma);
    const [a, b] = await instances(redis.url, redis.url);
    const peer = connectClient(a!.syncUrl, mapId);
    // The peer's tab stays open, but can't reach another instance at first
    // (were it back on B at once, its presence would rightly stay).
    let balancerUp = false;
    routeThroughBalancer(peer, () => (balancerUp ? [a!, b!] : []));
    const watcher = connectClient(b!.syncUrl, mapId);
    const neighbour = connectClient(b!.syncUrl, mapId);
    await Promise.all([peer, watcher, neighbour].map(synced));
    peer.provider.awareness.setLocalStateField('cursor', { label: 'on A' });
    neighbour.provider.awareness.setLocalStateField('cursor', { label: 'on B' });
    await waitFor(
      () => seesCursor(watcher, peer, 'on A') && seesCursor(watcher, neighbour, 'on B'),
      {
        timeoutMs: 20_000,
        what: 'both cursors on the watcher',
      },
    );

    const killedAt = Date.now();
    await a!.kill();
    await waitFor(() => !seesAnyone(watcher, peer), {
      timeoutMs: GHOST_DEADLINE_MS,
      what: "the dead instance's peer gone from the watcher",
    });
    timing('ghost presence dropped after', Date.now() - killedAt);
    // Only the dead instance's people: the watcher's neighbour on B stays.
    expect(seesCursor(watcher, neighbour, 'on B')).toBe(true);

    balancerUp = true;
    await waitFor(() => peer.provider.wsconnected && peer.provider.synced, {
      timeoutMs: 20_000,
      what: 'the peer reconnected to B',
    });
    // Like a browser tab, the peer's next presence change shows it again.
    const movedAt = Date.now();
    peer.provider.awareness.setLocalStateField('cursor', { label: 'on B now' });
    await waitFor(() => seesCursor(watcher, peer, 'on B now'), {
      timeoutMs: 5_000,
      what: 'the peer back on the watcher',
    });
    timing('reconnected peer visible after', Date.now() - movedAt);
  }, 120_000);
});

describe('Redis restarting', () => {
  it('keeps each instance serving its clients, then converges and stores every edit exactly once; a lock set and a link revoked meanwhile hold on every instance once Redis is back', async () => {
    const mapId = await createBoard(db().prisma);
    const [a, b] = await instances(redis.url, redis.url);
    const link = await shareLinkFor(db().prisma, mapId);
    const viewerOnB = connectClient(b!.syncUrl, mapId, {
      as: { protocols: ['journeyboard', link.token] },
    });
    await synced(viewerOnB);
    const onA = [connectClient(a!.syncUrl, mapId), connectClient(a!.syncUrl, mapId)];
    const onB = [connectClient(b!.syncUrl, mapId), connectClient(b!.syncUrl, mapId)];
    const everyone = [...onA, ...onB];
    await Promise.all(everyone.map(synced));
    await redisReported(a!, 'up');
    expect(await health(a!)).toEqual({ code: 200, body: { status: 'ok', db: 'up', redis: 'up' } });

    const editing = keepEditing(() => everyone);
    await sleep(500);
    await redis.kill();
    await redisReported(a!, 'down');
    // Degraded, but serving: 200, so a load balancer keeps sending people.
    expect(await health(a!)).toEqual({
      code: 200,
      body: { status: 'degraded', db: 'up', redis: 'down' },
    });
    // People on one instance still work together.
    const [marker] = addCards(onA[0]!, 'during-the-outage', 1);
    await waitFor(() => cardTexts(onA[1]!.doc).includes(marker!), {
      timeoutMs: 10_000,
      what: 'an edit reaching the other client of the same instance',
    });
    // A facilitator locks the structure through A: B, cut off, never hears the control message.
    const locked = await fetch(`http://127.0.0.1:${a!.port}/api/maps/${mapId}/locks`, {
      method: 'POST',
      headers: { cookie: boardAccess(mapId).owner.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'structure' }),
    });
    expect(locked.status).toBe(200);
    // …and the owner revokes the read-only link; B's viewer stays connected for now.
    const revoked = await fetch(`http://127.0.0.1:${a!.port}/api/share-links/${link.linkId}`, {
      method: 'DELETE',
      headers: { cookie: boardAccess(mapId).owner.cookie },
    });
    expect(revoked.status).toBe(204);
    await sleep(OUTAGE_MS);
    await redis.start(); // empty: the restart lost every stream
    const backAt = Date.now();
    await sleep(500);
    const texts = [...editing.stop(), marker!].sort();

    await converged(everyone, texts);
    timing('converged after redis restart', Date.now() - backAt);
    await redisReported(a!, 'up');
    await storedExactlyOnce(mapId, texts);

    // B read the map's locks and the grants of its sockets again when it followed the control
    // channel again: the revoked link's socket is closed, the lock binds a participant.
    await redisReported(b!, 'up');
    await waitFor(() => viewerOnB.closes.some((close) => close.reason === 'share link revoked'), {
      timeoutMs: 10_000,
      what: "B closing the revoked link's socket",
    });
    const guest = await workshopGuestFor(db().prisma, mapId, 'Gabi Guest');
    const participant = connectClient(b!.syncUrl, mapId, { as: { cookie: guest.cookie } });
    await synced(participant);
    await waitFor(() => renameIsUndone(participant), {
      timeoutMs: 20_000,
      what: "B undoing a participant's stage rename under the structure lock",
    });
  }, 180_000);
});

describe('Redis paused (SIGSTOP)', () => {
  it('keeps each instance serving its clients, then converges and stores every edit exactly once', async () => {
    // Every instance is cut off at once, and nothing is lost on Redis' side:
    // every command sent meanwhile times out (2 s) and is applied late, on
    // SIGCONT — each XADD after its update was written directly.
    const mapId = await createBoard(db().prisma);
    const [a, b] = await instances(redis.url, redis.url);
    const onA = [connectClient(a!.syncUrl, mapId), connectClient(a!.syncUrl, mapId)];
    const onB = [connectClient(b!.syncUrl, mapId), connectClient(b!.syncUrl, mapId)];
    const everyone = [...onA, ...onB];
    await Promise.all(everyone.map(synced));
    await redisReported(a!, 'up');

    const editing = keepEditing(() => everyone);
    await sleep(500);
    redis.pause();
    await Promise.all([redisReported(a!, 'down'), redisReported(b!, 'down')]);
    const [marker] = addCards(onB[0]!, 'while-paused', 1);
    await waitFor(() => cardTexts(onB[1]!.doc).includes(marker!), {
      timeoutMs: 10_000,
      what: 'an edit reaching the other client of the same instance',
    });
    await sleep(OUTAGE_MS);
    redis.resume();
    const resumedAt = Date.now();
    await sleep(500);
    const texts = [...editing.stop(), marker!].sort();

    await converged(everyone, texts);
    timing('converged after redis resumed', Date.now() - resumedAt);
    await Promise.all([redisReported(a!, 'up'), redisReported(b!, 'up')]);
    await storedExactlyOnce(mapId, texts);
  }, 180_000);
});

describe('a partition between one instance and Redis', () => {
  it('keeps both sides serving, then converges and stores every edit exactly once', async () => {
    const mapId = await createBoard(db().prisma);
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: redis.port });
    proxies.push(proxy);
    const [a, b] = await instances(proxy.url, redis.url);
    const onA = [connectClient(a!.syncUrl, mapId), connectClient(a!.syncUrl, mapId)];
    const onB = [connectClient(b!.syncUrl, mapId), connectClient(b!.syncUrl, mapId)];
    const everyone = [...onA, ...onB];
    await Promise.all(everyone.map(synced));
    onA[0]!.provider.awareness.setLocalStateField('cursor', { label: 'on A' });
    await waitFor(() => seesCursor(onB[0]!, onA[0]!, 'on A'), {
      timeoutMs: 20_000,
      what: "A's cursor on B",
    });

    const editing = keepEditing(() => everyone);
    await sleep(500);
    proxy.cut();
    const cutAt = Date.now();
    await redisReported(a!, 'down');
    expect((await health(b!)).body.redis).toBe('up');
    // B can't see A's people any more, and doesn't pretend to.
    await waitFor(() => !seesAnyone(onB[0]!, onA[0]!), {
      timeoutMs: GHOST_DEADLINE_MS,
      what: "A's cursor gone from B",
    });
    const [marker] = addCards(onA[0]!, 'cut-off', 1);
    await waitFor(() => cardTexts(onA[1]!.doc).includes(marker!), {
      timeoutMs: 10_000,
      what: 'an edit reaching the other client of the cut-off instance',
    });
    await sleep(PARTITION_MS - (Date.now() - cutAt));
    proxy.heal();
    const healedAt = Date.now();
    await sleep(500);
    const texts = [...editing.stop(), marker!].sort();

    await converged(everyone, texts);
    timing('converged after the partition healed', Date.now() - healedAt);
    await redisReported(a!, 'up');
    onA[0]!.provider.awareness.setLocalStateField('cursor', { label: 'A again' });
    await waitFor(() => seesCursor(onB[0]!, onA[0]!, 'A again'), {
      timeoutMs: 10_000,
      what: "A's cursor back on B",
    });
    await storedExactlyOnce(mapId, texts);
  }, 240_000);
});
