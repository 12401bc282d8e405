// Versions and restore against the real server and real clients: named and
// automatic versions hold the board exactly as it was; a restore reaches
// everyone connected as one live change while they keep editing, loses none
// of their later edits, converges everywhere and can itself be undone.
import type { TBoardVersion, TRestoreVersionResponse, TVersionState } from '@journeyboard/shared';
import {
  addCard,
  diffBoards,
  encodeBoardState,
  readBoard,
  readBoardState,
  setCardText,
  type BoardSnapshot,
} from '@journeyboard/shared/board';
import { describe, expect, it, vi } from 'vitest';
import { createAutoVersions, HOURLY_MS } from '../../src/services/history/auto-versions.ts';
import type { HistoryHooks } from '../../src/sync/history-hooks.ts';
import {
  boardAccess,
  boardMember,
  connectClient,
  createBoard,
  firstCell,
  sleep,
  startServer,
  storedDoc,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

async function api<T>(
  mapId: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<T> {
  const response = await server().app.inject({
    method,
    url,
    headers: { cookie: boardAccess(mapId).owner.cookie },
    ...(payload ? { payload } : {}),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`);
  return response.json<T>();
}

const nameVersion = (mapId: string, name: string) =>
  api<TBoardVersion>(mapId, 'POST', `/api/maps/${mapId}/versions`, { name });
const restore = (mapId: string, versionId: string) =>
  api<TRestoreVersionResponse>(mapId, 'POST', `/api/maps/${mapId}/versions/${versionId}/restore`);
const versions = async (mapId: string) =>
  (await api<{ versions: TBoardVersion[] }>(mapId, 'GET', `/api/maps/${mapId}/versions`)).versions;

async function versionBoard(mapId: string, versionId: string): Promise<BoardSnapshot> {
  const { state } = await api<TVersionState>(
    mapId,
    'GET',
    `/api/maps/${mapId}/versions/${versionId}`,
  );
  return readBoardState(new Uint8Array(Buffer.from(state, 'base64')));
}

const texts = (board: BoardSnapshot) => [...board.cards.values()].map((c) => c.text).sort();
const sameBoard = (a: BoardSnapshot, b: BoardSnapshot) => diffBoards(a, b).length === 0;

/** Adds a card and waits until `other` has it (so the server has it too). */
async function addSeen(client: TestClient, other: TestClient, text: string): Promise<string> {
  const id = addCard(client.doc, { ...firstCell(client), text })!;
  await waitFor(() => other.store.getSnapshot().cards.has(id), {
    what: `"${text}" on the other client`,
  });
  return id;
}

describe('versions', () => {
  it('names a version holding the board exactly as it was, with author and summary', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    const bob = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);
    await addSeen(alice, bob, 'Sees an ad');
    const named = await nameVersion(mapId, 'Before Q3 workshop');
    expect(named).toMatchObject({
      kind: 'named',
      name: 'Before Q3 workshop',
      author: { kind: 'member', id: boardAccess(mapId).owner.userId, name: 'Olivia Owner' },
    });
    // The first version says what the board holds, not that all of it was "added".
    expect(named.summary).toMatch(/^The map’s first version: \d+ stages, \d+ lanes, 1 card$/);

    await addSeen(bob, alice, 'Reads reviews');
    expect(texts(await versionBoard(mapId, named.id))).toEqual(['Sees an ad']);
    expect(texts(readBoard(alice.doc))).toEqual(['Reads reviews', 'Sees an ad']);
    const second = await nameVersion(mapId, 'After');
    expect(second.summary).toBe('1 card added');
    expect((await versions(mapId)).map((v) => v.name)).toEqual(['After', 'Before Q3 workshop']);
  });

  it('takes an automatic version when the last person leaves a map that changed, and none when nothing changed', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    await synced(alice);
    alice.destroy();
    await waitFor(() => !server().app.sync.isLoaded(mapId), { what: 'the board to unload' });
    expect(await versions(mapId)).toEqual([]);

    const bob = connectClient(server().syncUrl, mapId);
    const carol = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(bob), synced(carol)]);
    await addSeen(bob, carol, 'Signs up');
    bob.destroy();
    carol.destroy();
    await waitFor(async () => (await versions(mapId)).length === 1, {
      what: 'the automatic version',
    });
    const [auto] = await versions(mapId);
    expect(auto).toMatchObject({ kind: 'auto', reason: 'left', author: { kind: 'system' } });
    expect(texts(await versionBoard(mapId, auto!.id))).toEqual(['Signs up']);
  });
});

/**
 * A server of its own whose automatic versions are `hooks`, the rest doing
 * nothing: no version due within the hour, none saved.
 */
function serverWithHistory(
  hooks: Partial<HistoryHooks>,
  config: NonNullable<Parameters<typeof startServer>[1]>['config'] = {},
) {
  return startServer(db().databaseUrl, {
    config,
    plugin: {
      history: {
        nextVersionDue: async () => Date.now() + HOURLY_MS,
        busy: async () => Date.now() + HOURLY_MS,
        lastLeft: async () => undefined,
        ...hooks,
      },
    },
  });
}

/** A fresh board with two clients on it, both synced. */
async function writerAndReader(syncUrl: string) {
  const mapId = await createBoard(db().prisma);
  const writer = connectClient(syncUrl, mapId);
  const reader = connectClient(syncUrl, mapId);
  await Promise.all([synced(writer), synced(reader)]);
  return { mapId, writer, reader };
}

describe('hourly versions while a map is busy', () => {
  it('takes one when the newest version (or the map) is an hour old, and not again within the hour', async () => {
    const mapId = await createBoard(db().prisma);
    const hooks = createAutoVersions(db().prisma);
    const state = async () => encodeBoardState(await storedDoc(db().prisma, mapId));
    const now = await state();

    const due = await hooks.busy(mapId, () => now);
    expect(due).toBeGreaterThan(Date.now() + HOURLY_MS - 60_000);
    expect(await hooks.nextVersionDue(mapId)).toBe(due);
    expect(await versions(mapId)).toEqual([]);

    await db().prisma.journeyMap.update({
      where: { id: mapId },
      data: { createdAt: new Date(Date.now() - 2 * HOURLY_MS) },
    });
    await hooks.busy(mapId, () => now);
    expect((await versions(mapId)).map((v) => v.reason)).toEqual(['hourly']);
    await hooks.busy(mapId, () => now);
    expect(await versions(mapId)).toHaveLength(1);
  });

  it('has its summary worked out where it is told (the server passes its board worker)', async () => {
    const mapId = await createBoard(db().prisma);
    await db().prisma.journeyMap.update({
      where: { id: mapId },
      data: { createdAt: new Date(Date.now() - 2 * HOURLY_MS) },
    });
    const described: (Uint8Array | null)[] = [];
    const hooks = createAutoVersions(db().prisma, undefined, {
      describeVersion: async (previous) => {
        described.push(previous);
        return { count: 1, summary: 'Described on the worker' };
      },
    });
    const now = encodeBoardState(await storedDoc(db().prisma, mapId));

    await hooks.busy(mapId, () => now);

    expect(described).toEqual([null]); // the map's first version
    expect((await versions(mapId)).map((v) => v.summary)).toEqual(['Described on the worker']);
  });

  it("relays a map's first change before it starts the hourly check", async () => {
    const order: string[] = [];
    // Metrics on: this server gets a metrics object of its own (not the
    // shared no-op), whose updatesSent shows when a change went out.
    const own = await serverWithHistory(
      {
        nextVersionDue: async () => 0, // due: the first change asks
        busy: async () => {
          order.push('version check');
          return Date.now() + HOURLY_MS;
        },
      },
      { metricsToken: 'versions-test-metrics' },
    );
    try {
      const sent = own.app.metrics.sync.updatesSent.bind(own.app.metrics.sync);
      own.app.metrics.sync.updatesSent = (frames) => {
        if (frames > 0) order.push('relayed');
        sent(frames);
      };
      const { writer, reader } = await writerAndReader(own.syncUrl);
      expect(order).toEqual([]);

      await addSeen(writer, reader, 'First change of the day');
      await waitFor(() => order.includes('version check'), { what: 'the hourly check' });
      expect(order.slice(0, 2)).toEqual(['relayed', 'version check']);
    } finally {
      await own.close();
    }
  });

  it('asks when the next version is due as the map loads, so a change within the hour asks nothing', async () => {
    const asked: string[] = [];
    const own = await serverWithHistory({
      nextVersionDue: async (mapId) => {
        asked.push(`due ${mapId}`);
        return Date.now() + HOURLY_MS;
      },
      busy: async () => {
        asked.push('version check');
        return Date.now() + HOURLY_MS;
      },
    });
    try {
      const { mapId, writer, reader } = await writerAndReader(own.syncUrl);
      expect(asked).toEqual([`due ${mapId}`]);

      const id = await addSeen(writer, reader, 'First change of the day');
      // Stored means the change's own turn and the next ones have passed.
      await waitFor(async () => (await storedDoc(db().prisma, mapId)).getMap('cards').has(id), {
        what: 'the change in Postgres',
      });
      expect(asked).toEqual([`due ${mapId}`]);
    } finally {
      await own.close();
    }
  });

  it('asks on the first change instead when reading the due time as the map loads fails', async () => {
    let checks = 0;
    const own = await serverWithHistory({
      nextVersionDue: async () => {
        throw new Error('Postgres is restarting');
      },
      busy: async () => {
        checks += 1;
        return Date.now() + HOURLY_MS;
      },
    });
    try {
      const { writer, reader } = await writerAndReader(own.syncUrl);

      await addSeen(writer, reader, 'First change of the day');
      await waitFor(() => checks === 1, { what: 'the hourly check on the first change' });
    } finally {
      await own.close();
    }
  });
});

describe('restore', () => {
  it('reaches everyone live while two others keep editing, loses none of their later edits, and can be undone', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    const bob = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);
    const original = await addSeen(alice, bob, 'Verification email');
    const v1 = await nameVersion(mapId, 'V1');

    // After V1: a card added, the original's text changed — the restore undoes both.
    const addedAfterV1 = await addSeen(bob, alice, 'Added after V1');
    setCardText(alice.doc, original, 'Verification SMS');
    await waitFor(() => bob.store.getSnapshot().cards.get(original)?.text === 'Verification SMS');
    const v2 = await nameVersion(mapId, 'V2');

    // Alice and Bob keep adding cards while the restore happens.
    const afterRestore = new Set<string>();
    let restored = false;
    let editing = true;
    const keepEditing = async (client: TestClient, name: string) => {
      for (let n = 0; editing; n++) {
        const text = `${name} ${n}`;
        addCard(client.doc, { ...firstCell(client), text });
        if (restored) afterRestore.add(text);
        await sleep(5); // pacing: a person adds a card every few ms, not in one burst
      }
    };
    const loops = [keepEditing(alice, 'Alice'), keepEditing(bob, 'Bob')];
    await sleep(50);
    const result = await restore(mapId, v1.id);
    restored = true;
    await sleep(100);
    editing = false;
    await Promise.all(loops);
    expect(afterRestore.size).toBeGreaterThan(0);

    // Converged: both clients, a fresh one and Postgres hold the same board.
    const carol = connectClient(server().syncUrl, mapId);
    await synced(carol);
    await waitFor(
      () =>
        sameBoard(readBoard(alice.doc), readBoard(bob.doc)) &&
        sameBoard(readBoard(alice.doc), readBoard(carol.doc)),
      { what: 'every client to converge' },
    );
    await server().app.sync.flushAll();
    const board = readBoard(alice.doc);
    const stored = await storedDoc(db().prisma, mapId);
    expect(sameBoard(readBoard(stored), board)).toBe(true);

    // The restore happened: V1's text is back, the card added after V1 is gone…
    expect(board.cards.get(original)?.text).toBe('Verification email');
    expect(board.cards.has(addedAfterV1)).toBe(false);
    // …and none of the edits made after it was applied were lost.
    const now = new Set(texts(board));
    for (const text of afterRestore) expect(now.has(text), text).toBe(true);
    // Live: nobody was disconnected.
    expect([...alice.closes, ...bob.closes]).toEqual([]);
    // Later versions stay; the board before the restore is a version of its own.
    const list = await versions(mapId);
    expect(list.map((v) => v.id)).toEqual(expect.arrayContaining([v1.id, v2.id, result.before.id]));
    expect(result.before).toMatchObject({ kind: 'auto', reason: 'before-restore' });
    expect(texts(await versionBoard(mapId, result.before.id))).toContain('Added after V1');

    // Restoring the version before the restore undoes it.
    const beforeUndo = readBoard(alice.doc);
    const again = await restore(mapId, v1.id);
    await waitFor(() => !bob.store.getSnapshot().cards.has(afterRestore.values().next().value!));
    await restore(mapId, again.before.id);
    await waitFor(() => sameBoard(readBoard(bob.doc), beforeUndo), { what: 'the undo on Bob' });
    expect(sameBoard(readBoard(alice.doc), beforeUndo)).toBe(true);
  });

  it('works the restore out on the board worker, not on the event loop', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    const bob = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);
    const v1 = await nameVersion(mapId, 'V1');
    await addSeen(alice, bob, 'Added after V1');
    const rewrite = vi.spyOn(server().app.sync.boardWork, 'rewrite');
    try {
      await restore(mapId, v1.id);
      expect(rewrite).toHaveBeenCalledTimes(1);
    } finally {
      rewrite.mockRestore();
    }
    await waitFor(() => texts(readBoard(bob.doc)).length === 0, { what: 'the restore on Bob' });
  });

  it('needs version.restore: a viewer is refused and the board is unchanged', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    await synced(alice);
    const v1 = await nameVersion(mapId, 'V1');
    const bob = connectClient(server().syncUrl, mapId);
    await synced(bob);
    await addSeen(alice, bob, 'Kept');
    const viewer = await boardMember(db().prisma, mapId, 'viewer');
    const refused = await server().app.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/versions/${v1.id}/restore`,
      headers: { cookie: viewer.cookie },
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await server().app.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/versions/00000000-0000-4000-8000-000000000000/restore`,
      headers: { cookie: boardAccess(mapId).owner.cookie },
    });
    expect(unknown.json()).toMatchObject({ error: { code: 'VERSION_NOT_FOUND' } });
    expect(unknown.statusCode).toBe(404);
    await server().app.sync.flushAll();
    expect(texts(readBoard(await storedDoc(db().prisma, mapId)))).toEqual(['Kept']);
  });
});
