import { addCard, moveCard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { createPrismaPersistence, type BoardPersistence } from '../../src/sync/persistence.ts';
import { spawnServerProcess } from './fixtures/spawn-server.ts';
import {
  cardTexts,
  connectClient,
  createBoard,
  firstCell,
  startServer,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

describe('persistence across restarts', () => {
  it('keeps every edit through a clean restart', async () => {
    const mapId = await createBoard(db().prisma);
    const first = await startServer(db().databaseUrl, { sync: { flushIntervalMs: 10_000 } });
    const alice = connectClient(first.syncUrl, mapId);
    const bob = connectClient(first.syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);
    const cell = firstCell(alice);
    const cardId = addCard(alice.doc, { ...cell, text: 'Signs up' })!;
    addCard(alice.doc, { ...cell, text: 'Gets welcome mail' });
    await waitFor(() => bob.store.getSnapshot().cards.size === 2, { what: 'the cards on Bob' });
    const { stages } = alice.store.getSnapshot();
    moveCard(bob.doc, cardId, { stageId: stages[3]!.id, laneId: cell.laneId });
    await waitFor(() => alice.store.getSnapshot().cards.get(cardId)?.stageId === stages[3]!.id);

    // The flush interval is 10 s: only the shutdown can have written these.
    const closeCodes = waitForCloseCodes([alice, bob]);
    await first.close();
    expect(await closeCodes).toEqual([1001, 1001]);
    alice.destroy();
    bob.destroy();
    // Clean shutdown compacts: everything is in the snapshot.
    expect(await db().prisma.boardUpdate.count({ where: { mapId } })).toBe(0);

    const second = await startServer(db().databaseUrl);
    try {
      const carol = connectClient(second.syncUrl, mapId);
      await synced(carol);
      expect(cardTexts(carol.doc)).toEqual(['Gets welcome mail', 'Signs up']);
      expect(carol.store.getSnapshot().cards.get(cardId)?.stageId).toBe(stages[3]!.id);
    } finally {
      await second.close();
    }
  });

  it('finishes shutting down while its clients keep reconnecting', async () => {
    // A slow final compaction: clients closed with 1001 come straight back
    // and knock while the server is still writing.
    const stored = createPrismaPersistence(db().prisma);
    const slowCompactions: BoardPersistence = {
      ...stored,
      compact: async (mapId) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return stored.compact(mapId);
      },
    };
    const mapId = await createBoard(db().prisma);
    const server = await startServer(db().databaseUrl, {
      plugin: { persistence: slowCompactions },
    });
    const alice = connectClient(server.syncUrl, mapId);
    await synced(alice);
    addCard(alice.doc, { ...firstCell(alice), text: 'Said before the restart' });
    await waitFor(async () => (await db().prisma.boardUpdate.count({ where: { mapId } })) > 0, {
      what: 'the card in the update log',
    });

    // Alice is back within ~100 ms of the 1001, while the final compaction
    // still runs; her refused upgrade used to hold server.close() forever.
    await server.close();
    expect(alice.closes[0]?.code).toBe(1001);
    alice.destroy();

    expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual(['Said before the restart']);
  });

  it('compacts in the built server: its board worker thread runs from dist', async () => {
    const mapId = await createBoard(db().prisma);
    const server = await spawnServerProcess({ databaseUrl: db().databaseUrl });
    try {
      const alice = connectClient(server.syncUrl, mapId);
      await synced(alice);
      addCard(alice.doc, { ...firstCell(alice), text: 'Folded into the snapshot' });
      await waitFor(async () => (await db().prisma.boardUpdate.count({ where: { mapId } })) > 0, {
        what: 'the card in the update log',
      });
      // The last client leaving compacts the map (board-worker.js, a thread).
      alice.destroy();
      await waitFor(async () => (await db().prisma.boardUpdate.count({ where: { mapId } })) === 0, {
        what: 'the update log folded into the snapshot',
      });
      expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual(['Folded into the snapshot']);
    } finally {
      await server.kill();
    }
  });

  it('has updates older than the flush interval in Postgres when the server is SIGKILLed', async () => {
    const mapId = await createBoard(db().prisma);
    const flushIntervalMs = 200;
    const server = await spawnServerProcess({ databaseUrl: db().databaseUrl, flushIntervalMs });
    try {
      const { syncUrl } = server;
      const alice = connectClient(syncUrl, mapId);
      const bob = connectClient(syncUrl, mapId);
      await Promise.all([synced(alice), synced(bob)]);
      const cell = firstCell(alice);
      for (const text of ['One', 'Two', 'Three']) addCard(alice.doc, { ...cell, text });
      // Bob seeing them proves the server received them.
      await waitFor(() => bob.store.getSnapshot().cards.size === 3, { what: 'the cards on Bob' });
      await new Promise((resolve) => setTimeout(resolve, flushIntervalMs * 3));

      await server.kill();
      alice.destroy();
      bob.destroy();
    } finally {
      await server.kill();
    }

    // Not compacted (nobody left cleanly): the cards are in the update log.
    expect(await db().prisma.boardUpdate.count({ where: { mapId } })).toBeGreaterThan(0);
    expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual(['One', 'Three', 'Two']);

    // And a new server serves them.
    const next = await startServer(db().databaseUrl);
    try {
      const carol = connectClient(next.syncUrl, mapId);
      await synced(carol);
      expect(cardTexts(carol.doc)).toEqual(['One', 'Three', 'Two']);
    } finally {
      await next.close();
    }
  });
});

function waitForCloseCodes(clients: TestClient[]): Promise<number[]> {
  return Promise.all(
    clients.map(
      (client) =>
        new Promise<number>((resolve) => {
          client.provider.once('connection-close', (event) => {
            resolve((event as unknown as { code: number } | null)?.code ?? -1);
          });
        }),
    ),
  );
}

describe('the map’s last change', () => {
  it('moves the map’s updatedAt (the map list’s "Updated" and order) when its board is edited, at most every 30 s', async () => {
    const mapId = await createBoard(db().prisma);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db().prisma.journeyMap.update({ where: { id: mapId }, data: { updatedAt: hourAgo } });
    const updatedAt = async () =>
      (await db().prisma.journeyMap.findUniqueOrThrow({ where: { id: mapId } })).updatedAt;
    const server = await startServer(db().databaseUrl, { sync: { flushIntervalMs: 50 } });
    try {
      const alice = connectClient(server.syncUrl, mapId);
      await synced(alice);
      expect(await updatedAt()).toEqual(hourAgo); // opening a map changes nothing
      addCard(alice.doc, { ...firstCell(alice), text: 'Signs up' });
      await waitFor(async () => (await updatedAt()).getTime() > hourAgo.getTime(), {
        what: 'updatedAt to move',
      });
      const edited = await updatedAt();
      expect(Date.now() - edited.getTime()).toBeLessThan(60_000);
      // A busy map's row is not rewritten on every flush.
      addCard(alice.doc, { ...firstCell(alice), text: 'Gets welcome mail' });
      await waitFor(async () => (await db().prisma.boardUpdate.count({ where: { mapId } })) >= 2);
      expect(await updatedAt()).toEqual(edited);
    } finally {
      await server.close();
    }
  });
});
