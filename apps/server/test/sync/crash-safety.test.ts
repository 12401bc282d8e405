// Crash safety: a server process killed with SIGKILL mid-session loses no edit.
// The server only writes to Postgres every flush interval, so at the moment of
// the kill some edits exist only on the clients (and in the dead process's
// memory). The clients keep their Y.Doc, reconnect to the restarted server and
// send what it lacks in their sync step 2 — that is what recovers them.
import { addCard } from '@journeyboard/shared/board';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServerProcess, type ServerProcess } from './fixtures/spawn-server.ts';
import {
  cardTexts,
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

const CLIENTS = 10;
const EDIT_EVERY_MS = 40;
// Long enough that edits of the last second are certainly not in Postgres yet.
const FLUSH_INTERVAL_MS = 1_000;

let servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  servers = [];
});

/** Each client adds cards named "<client>-<n>" until stopped; returns what it created. */
function keepEditing(clients: TestClient[]): { created: Set<string>; stop: () => void } {
  const created = new Set<string>();
  const timers = clients.map((client, index) => {
    let n = 0;
    const cell = firstCell(client);
    return setInterval(() => {
      const text = `${index}-${n++}`;
      addCard(client.doc, { ...cell, text });
      created.add(text);
    }, EDIT_EVERY_MS);
  });
  return { created, stop: () => timers.forEach(clearInterval) };
}

describe('a server killed with SIGKILL', () => {
  it('loses no edit: every client reconnects and Postgres and every client end up with all of them', async () => {
    const { prisma, databaseUrl } = db();
    const mapId = await createBoard(prisma);
    const first = await spawnServerProcess({ databaseUrl, flushIntervalMs: FLUSH_INTERVAL_MS });
    servers.push(first);

    const clients = Array.from({ length: CLIENTS }, () => connectClient(first.syncUrl, mapId));
    await Promise.all(clients.map(synced));
    const editing = keepEditing(clients);

    // A random moment, after at least one flush has happened (waited for, not
    // assumed: how long the first flush takes depends on the machine's load).
    await waitFor(async () => (await prisma.boardUpdate.count({ where: { mapId } })) > 0, {
      timeoutMs: 20_000,
      what: 'the first flush to Postgres',
    });
    await sleep(Math.random() * 1_000);
    await first.kill();
    const createdBeforeKill = new Set(editing.created);
    const inPostgresAtKill = new Set(cardTexts(await storedDoc(prisma, mapId)));

    // Clients keep editing while the server is down, then it comes back on the same port.
    await sleep(300 + Math.random() * 300);
    const second = await spawnServerProcess({
      databaseUrl,
      port: first.port,
      flushIntervalMs: FLUSH_INTERVAL_MS,
    });
    servers.push(second);
    await waitFor(() => clients.every((client) => client.provider.synced), {
      // Generous: under a full parallel test run, starting the process alone takes seconds.
      timeoutMs: 20_000,
      what: 'every client to resync with the restarted server',
    });
    await sleep(300);
    editing.stop();
    const all = [...editing.created].sort();

    // The proof that the clients recovered something: edits the server had
    // received or not, but that Postgres did not have when the process died.
    const missingAtKill = [...createdBeforeKill].filter((text) => !inPostgresAtKill.has(text));
    expect(inPostgresAtKill.size).toBeGreaterThan(0);
    expect(missingAtKill.length).toBeGreaterThan(0);

    await waitFor(() => clients.every((client) => cardTexts(client.doc).length === all.length), {
      timeoutMs: 20_000,
      what: 'every edit on every client',
    });
    for (const client of clients) expect(cardTexts(client.doc)).toEqual(all);
    await waitFor(async () => cardTexts(await storedDoc(prisma, mapId)).length === all.length, {
      timeoutMs: 20_000,
      what: 'every edit in Postgres',
    });
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(all);
    expect(all.length).toBeGreaterThan(CLIENTS * 20);
  }, 90_000);
});
