// Scale-out: two server processes on different ports share one Postgres and
// one Redis (REDIS_URL). Clients on either see each other's edits and
// presence, each update is stored once, and killing one instance with
// SIGKILL loses nothing: its streamed entries are persisted by the other
// instance, and its clients reconnect (as behind a load balancer) to the
// survivor and resend what never reached Redis.
import { randomBytes } from 'node:crypto';
import { addCard } from '@journeyboard/shared/board';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { spawnServerProcess, type ServerProcess } from './fixtures/spawn-server.ts';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import {
  boardAccess,
  boardMember,
  cardTexts,
  closedWith,
  connectClient,
  createBoard,
  firstCell,
  sleep,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Unique per run, so parallel runs never share keys; deleted afterwards.
const redis = { url: REDIS_URL, keyPrefix: `jbtest:${randomBytes(6).toString('hex')}` };

let servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  servers = [];
});
afterAll(async () => {
  const client = new Redis(REDIS_URL);
  const keys = await client.keys(`${redis.keyPrefix}:*`);
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
});

async function twoInstances(flushIntervalMs = 200): Promise<[ServerProcess, ServerProcess]> {
  const { databaseUrl } = db();
  const started = await Promise.all([
    spawnServerProcess({ databaseUrl, flushIntervalMs, redis }),
    spawnServerProcess({ databaseUrl, flushIntervalMs, redis }),
  ]);
  servers.push(...started);
  return started;
}

type WebSocketClass = typeof globalThis.WebSocket;

/**
 * Wraps the client's WebSocket class (which carries its credentials) so it
 * connects to the first instance still alive: what a load balancer does for
 * the clients of an instance that died.
 */
function balanced(Base: WebSocketClass, preferred: () => ServerProcess[]): WebSocketClass {
  const Socket = Base as unknown as new (url: string, protocols?: string | string[]) => object;
  class Balanced extends Socket {
    constructor(url: string, protocols?: string | string[]) {
      const alive = preferred().find(
        (server) => server.process.exitCode === null && !server.process.signalCode,
      );
      super(alive ? url.replace(/:\d+\//, `:${alive.port}/`) : url, protocols);
    }
  }
  return Balanced as unknown as WebSocketClass;
}

function addCards(client: TestClient, prefix: string, count: number): string[] {
  const cell = firstCell(client);
  return Array.from({ length: count }, (_, n) => {
    const text = `${prefix}-${n}`;
    addCard(client.doc, { ...cell, text });
    return text;
  });
}

describe('two server instances over Redis', () => {
  it('relays edits and presence between instances and stores each update once', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const [a, b] = await twoInstances();
    const onA = [connectClient(a.syncUrl, mapId), connectClient(a.syncUrl, mapId)];
    const onB = [connectClient(b.syncUrl, mapId), connectClient(b.syncUrl, mapId)];
    const everyone = [...onA, ...onB];
    await Promise.all(everyone.map(synced));

    const texts = everyone.flatMap((client, index) => addCards(client, `c${index}`, 10)).sort();
    await waitFor(() => everyone.every((client) => cardTexts(client.doc).join() === texts.join()), {
      timeoutMs: 15_000,
      what: 'every card on every client, across instances',
    });
    for (const client of everyone)
      expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(onA[0]!.doc));

    // Presence crosses instances too.
    // (Not `user`: the server stamps that with the authenticated identity.)
    onA[0]!.provider.awareness.setLocalStateField('cursor', { label: 'Ada on A' });
    await waitFor(
      () =>
        [...onB[1]!.provider.awareness.getStates().values()].some(
          (state) => (state as { cursor?: { label?: string } }).cursor?.label === 'Ada on A',
        ),
      { timeoutMs: 15_000, what: "Ada's presence on instance B" },
    );

    // Every card is one update, stored exactly once (not once per instance).
    await waitFor(async () => cardTexts(await storedDoc(prisma, mapId)).length === texts.length, {
      timeoutMs: 15_000,
      what: 'every card in Postgres',
    });
    await sleep(600); // a few more flush intervals: nothing else may arrive
    expect(await prisma.boardUpdate.count({ where: { mapId } })).toBe(texts.length);
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
  }, 60_000);

  it('loses nothing when one instance is killed mid-edit, even edits whose author left with it', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const [a, b] = await twoInstances(1_000);
    const onA = [connectClient(a.syncUrl, mapId), connectClient(a.syncUrl, mapId)];
    const onB = [0, 1, 2].map(() => connectClient(b.syncUrl, mapId));
    // Route B's clients through the "load balancer": B first, A once B is gone.
    for (const client of onB) {
      const provider = client.provider as unknown as { _WS: WebSocketClass };
      provider._WS = balanced(provider._WS, () => [b, a]);
    }
    let everyone = [...onA, ...onB];
    await Promise.all(everyone.map(synced));

    const created: string[] = [];
    let round = 0;
    const timer = setInterval(() => {
      round += 1;
      everyone.forEach((client, index) =>
        created.push(...addCards(client, `${index}-${round}`, 1)),
      );
    }, 50);
    await sleep(800 + Math.random() * 400);
    // One of B's people closes the tab as B dies: only Redis still has their
    // edits that B had streamed but not yet written to Postgres. Which ones
    // B streamed is for A's clients to show (they get B's edits only through
    // the stream), not for a pause to guess: an edit B never received or
    // never streamed before it died has no copy left but the author's (in a
    // browser their device keeps it and sends it on their next visit).
    const leaver = onB.pop()!;
    const leaverIndex = everyone.indexOf(leaver);
    everyone = everyone.filter((client) => client !== leaver); // it edits no more
    const leaversLast = created.filter((text) => text.startsWith(`${leaverIndex}-`)).at(-1)!;
    await waitFor(() => cardTexts(onA[0]!.doc).includes(leaversLast), {
      timeoutMs: 30_000,
      what: `the leaver's last card (${leaversLast}) on A, streamed by B`,
    });
    leaver.destroy();
    await b.kill();
    const inPostgresAtKill = new Set(cardTexts(await storedDoc(prisma, mapId)));
    await sleep(300);
    clearInterval(timer);
    const all = [...created].sort();

    // The flush interval is 1 s: plenty was not in Postgres when B died.
    expect(all.filter((text) => !inPostgresAtKill.has(text)).length).toBeGreaterThan(0);

    await waitFor(
      () => onB.every((client) => client.provider.synced && client.provider.wsconnected),
      {
        timeoutMs: 60_000,
        what: "B's clients to reconnect to A",
      },
    );
    await waitFor(() => everyone.every((client) => cardTexts(client.doc).length === all.length), {
      timeoutMs: 60_000,
      what: 'every edit on every client',
      missing: () =>
        lacking(
          all,
          everyone.map((client) => cardTexts(client.doc)),
        ),
    });
    for (const client of everyone) expect(cardTexts(client.doc)).toEqual(all);
    // A claims what B had taken from the stream but not written (after the claim idle time).
    await waitFor(async () => cardTexts(await storedDoc(prisma, mapId)).length === all.length, {
      timeoutMs: 60_000,
      what: 'every edit in Postgres',
      missing: async () => lacking(all, [cardTexts(await storedDoc(prisma, mapId))]),
    });
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(all);
  }, 240_000);
});

/** For a failure message: which of `expected` each holder lacks ("author-round" texts). */
function lacking(expected: readonly string[], holders: readonly string[][]): string {
  return holders
    .map((texts, index) => {
      const has = new Set(texts);
      const lacks = expected.filter((text) => !has.has(text));
      return `#${index} lacks ${lacks.length}${lacks.length > 0 ? ` (${lacks.slice(0, 20).join(' ')})` : ''}`;
    })
    .join('; ');
}

describe('access changes across instances', () => {
  it('revoking a share link on one instance closes its views on the other within a second', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    const [a, b] = await twoInstances();
    const apiOnA = `http://127.0.0.1:${a.port}/api`;
    const created = await fetch(`${apiOnA}/maps/${mapId}/share-links`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };

    const viewerOnB = connectClient(b.syncUrl, mapId, {
      as: { protocols: [SYNC_SUBPROTOCOL, token] },
    });
    const editorOnB = connectClient(b.syncUrl, mapId);
    await Promise.all([viewerOnB, editorOnB].map(synced));
    const closed = closedWith(viewerOnB);

    const started = Date.now();
    const revoked = await fetch(`${apiOnA}/share-links/${id}`, {
      method: 'DELETE',
      headers: { cookie: owner.cookie },
    });
    expect(revoked.status).toBe(204);
    expect(await closed).toEqual({ code: 4403, reason: 'share link revoked' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(editorOnB.provider.wsconnected).toBe(true); // only the link's sockets
  });

  it('a member made viewer on one instance: the empty card they were writing on the other is taken back', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner, workspaceId } = boardAccess(mapId);
    const writer = await boardMember(db().prisma, mapId, 'editor', 'Wes Writer');
    const [a, b] = await twoInstances();
    const wesOnB = connectClient(b.syncUrl, mapId, { as: { cookie: writer.cookie } });
    const watcherOnA = connectClient(a.syncUrl, mapId);
    await Promise.all([wesOnB, watcherOnA].map(synced));
    const unfinished = addCard(wesOnB.doc, firstCell(wesOnB))!;
    wesOnB.provider.awareness.setLocalStateField('cardId', unfinished);
    wesOnB.provider.awareness.setLocalStateField('editing', true);
    await waitFor(
      () =>
        (
          watcherOnA.provider.awareness.getStates().get(wesOnB.doc.clientID) as {
            editing?: boolean;
          }
        )?.editing === true && watcherOnA.store.getSnapshot().cards.has(unfinished),
      { timeoutMs: 15_000, what: 'Wes writing his new card, seen on A' },
    );

    const changed = await fetch(
      `http://127.0.0.1:${a.port}/api/workspaces/${workspaceId}/members/${writer.userId}`,
      {
        method: 'PATCH',
        headers: { cookie: owner.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'viewer' }),
      },
    );
    expect(changed.status).toBe(200);
    await waitFor(() => !watcherOnA.store.getSnapshot().cards.has(unfinished), {
      timeoutMs: 15_000,
      what: 'the unfinished card taken back across instances',
    });
  });

  it('deleting a map on one instance closes its sockets on the other', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    const [a, b] = await twoInstances();
    const onB = connectClient(b.syncUrl, mapId);
    await synced(onB);
    const closed = closedWith(onB);
    const deleted = await fetch(`http://127.0.0.1:${a.port}/api/maps/${mapId}`, {
      method: 'DELETE',
      headers: { cookie: owner.cookie },
    });
    expect(deleted.status).toBe(204);
    expect(await closed).toEqual({ code: 4410, reason: 'map deleted' });
  });
});
