import { createPrismaClient, type PrismaClient } from '@journeyboard/db';
import { addCard, BoardStore } from '@journeyboard/shared/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYSTEM_AUTHOR } from '@journeyboard/shared';
import { stamp } from '../../src/sync/attribution.ts';
import {
  appendUpdates,
  compactBoard,
  createPrismaPersistence,
} from '../../src/sync/persistence.ts';
import { inlineBoardWork } from '../../src/sync/board-work.ts';
import { clocksStoredTwice } from './fixtures/scale-out.ts';

const bySystem = (update: Uint8Array) => stamp(update, SYSTEM_AUTHOR);
import {
  cardTexts,
  connectClient,
  createBoard,
  firstCell,
  sleep,
  startServer,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type RunningServer,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

async function snapshotDoc(prisma: PrismaClient, mapId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const snapshot = await prisma.boardSnapshot.findUniqueOrThrow({ where: { mapId } });
  Y.applyUpdate(doc, snapshot.state);
  return doc;
}

describe('compaction by the sync server', () => {
  const compactAfterUpdates = 10;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(db().databaseUrl, {
      // Every threshold crossing compacts here (the 30 s floor is for busy maps).
      sync: { compactAfterUpdates, flushIntervalMs: 20, compactMinIntervalMs: 0 },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('folds the log into the snapshot past compactAfterUpdates and when the last client leaves', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const client = connectClient(server.syncUrl, mapId);
    await synced(client);
    const cell = firstCell(client);

    const texts: string[] = [];
    for (let i = 0; i < 25; i++) {
      texts.push(`Card ${String(i).padStart(2, '0')}`);
      addCard(client.doc, { ...cell, text: texts[i] }); // one update, one log row each
      if (i % 5 === 4) await sleep(30); // spread over several flushes
    }
    await server.app.sync.flushAll();
    await waitFor(
      async () => (await prisma.boardUpdate.count({ where: { mapId } })) < compactAfterUpdates,
      {
        what: 'the log to be compacted',
      },
    );
    // Every card is stored, most of them in the snapshot already.
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
    const rows = await prisma.boardUpdate.count({ where: { mapId } });
    expect(cardTexts(await snapshotDoc(prisma, mapId)).length).toBeGreaterThanOrEqual(25 - rows);

    client.destroy();
    await waitFor(() => !server.app.sync.isLoaded(mapId), { what: 'the document to unload' });
    expect(await prisma.boardUpdate.count({ where: { mapId } })).toBe(0);
    expect(cardTexts(await snapshotDoc(prisma, mapId))).toEqual(texts);
  });
});

describe('concurrent compaction', () => {
  // Two clients = two connection pools, like two server processes.
  let first: PrismaClient;
  let second: PrismaClient;
  beforeAll(() => {
    first = createPrismaClient(db().databaseUrl);
    second = createPrismaClient(db().databaseUrl);
  });
  afterAll(async () => {
    await Promise.all([first.$disconnect(), second.$disconnect()]);
  });

  it('loses no update when compactions of one map overlap each other and new appends', async () => {
    const mapId = await createBoard(db().prisma);
    // An editor replica producing one update per card.
    const editor = new Y.Doc();
    Y.applyUpdate(
      editor,
      (await db().prisma.boardSnapshot.findUniqueOrThrow({ where: { mapId } })).state,
    );
    const store = new BoardStore(editor);
    const { stages, lanes } = store.getSnapshot();
    const cell = { stageId: stages[0]!.id, laneId: lanes[0]!.id };
    const pending: Uint8Array[] = [];
    editor.on('update', (update: Uint8Array) => pending.push(update));
    const texts: string[] = [];
    const makeUpdates = (count: number): Uint8Array[] => {
      for (let i = 0; i < count; i++) {
        const text = `Card ${String(texts.length).padStart(3, '0')}`;
        texts.push(text);
        addCard(editor, { ...cell, text });
      }
      return pending.splice(0);
    };

    await appendUpdates(first, mapId, makeUpdates(20).map(bySystem));
    for (let round = 0; round < 8; round++) {
      await Promise.all([
        compactBoard(first, mapId),
        appendUpdates(second, mapId, makeUpdates(3).map(bySystem)),
        compactBoard(second, mapId),
        appendUpdates(first, mapId, makeUpdates(2).map(bySystem)),
      ]);
    }
    // Whatever interleaving happened, snapshot + log hold every card…
    expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual(texts);
    // …and after a final compaction the snapshot alone does.
    await compactBoard(first, mapId);
    expect(await db().prisma.boardUpdate.count({ where: { mapId } })).toBe(0);
    expect(cardTexts(await snapshotDoc(db().prisma, mapId))).toEqual(texts);
    store.destroy();
  });

  it('keeps the snapshot small by garbage-collecting deleted content', async () => {
    const mapId = await createBoard(db().prisma);
    const editor = new Y.Doc();
    const updates: Uint8Array[] = [];
    editor.on('update', (update: Uint8Array) => updates.push(update));
    const map = editor.getMap('scratch');
    for (let i = 0; i < 200; i++) map.set('note', 'x'.repeat(500)); // 200 overwrites
    await appendUpdates(first, mapId, updates.map(bySystem));
    await compactBoard(first, mapId);
    const snapshot = await db().prisma.boardSnapshot.findUniqueOrThrow({ where: { mapId } });
    // Only the live value's text survives, not 200 × 500 characters.
    expect(snapshot.state.byteLength).toBeLessThan(10_000);
  });
});

describe('the search text a compaction stores', () => {
  /** A new map whose log holds one added card, written by `write` on the card's Yjs map. */
  async function mapWithCard(write: (card: Y.Map<unknown>) => void) {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const editor = await storedDoc(prisma, mapId);
    const { stages, lanes } = new BoardStore(editor).getSnapshot();
    const updates: Uint8Array[] = [];
    editor.on('update', (update: Uint8Array) => updates.push(update));
    editor.transact(() => {
      const id = addCard(editor, { stageId: stages[0]!.id, laneId: lanes[0]!.id })!;
      write(editor.getMap<Y.Map<unknown>>('cards').get(id)!);
    });
    await appendUpdates(prisma, mapId, updates.map(bySystem));
    return { prisma, mapId };
  }
  const typeInto = (card: Y.Map<unknown>, text: string) =>
    (card.get('text') as Y.Text).insert(0, text);

  it('is the one its merge read (on the board worker), not read again on the event loop', async () => {
    const { prisma, mapId } = await mapWithCard((card) => typeInto(card, 'Parcel never arrived'));

    const merges: number[] = [];
    await compactBoard(prisma, mapId, async (inputs) => {
      merges.push(inputs.length);
      const merged = await inlineBoardWork.merge(inputs);
      return { ...merged, searchText: `${merged.searchText} (as the merge read it)` };
    });

    expect(merges).toEqual([2]); // the snapshot and one logged update
    const { text } = await prisma.mapSearchText.findUniqueOrThrow({ where: { mapId } });
    expect(text).toContain('Parcel never arrived');
    expect(text).toMatch(/\(as the merge read it\)$/);
  });

  it('is stored when a card holds control characters Postgres text cannot (a NUL from a raw socket client)', async () => {
    // What a client that skips the board's operations can write.
    const { prisma, mapId } = await mapWithCard((card) =>
      typeInto(card, 'Parcel \u0000never\u0007 arrived'),
    );

    await compactBoard(prisma, mapId, inlineBoardWork.merge);

    expect(await prisma.boardUpdate.count({ where: { mapId } })).toBe(0);
    const { text } = await prisma.mapSearchText.findUniqueOrThrow({ where: { mapId } });
    expect(text).toContain('Parcel never arrived');
  });
});

describe('a whole-document state stored with the log (scale-out resync)', () => {
  it('fills a gap in the log without storing any insert twice', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const persistence = createPrismaPersistence(prisma);
    const editor = new Y.Doc();
    Y.applyUpdate(
      editor,
      (await prisma.boardSnapshot.findUniqueOrThrow({ where: { mapId } })).state,
    );
    const store = new BoardStore(editor);
    const { stages, lanes } = store.getSnapshot();
    const cell = { stageId: stages[0]!.id, laneId: lanes[0]!.id };
    const updates: Uint8Array[] = [];
    editor.on('update', (update: Uint8Array) => updates.push(update));
    const texts = ['Card 1', 'Card 2', 'Card 3', 'Card 4'];
    for (const text of texts) addCard(editor, { ...cell, text });

    // After a Redis restart: card 2 was in the stream only (lost with it),
    // cards 3 and 4 were written directly once XADD failed. Card 2 is a gap
    // in the editor's clocks; the stored cards 3 and 4 wait behind it.
    await appendUpdates(prisma, mapId, [updates[0]!, updates[2]!, updates[3]!].map(bySystem));
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(['Card 1']);
    // The instance that still holds card 2 resyncs its whole document.
    await persistence.compactWith(mapId, Y.encodeStateAsUpdate(editor));

    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
    expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
    // A second resync of the same state (the other instance's) adds nothing.
    await persistence.compactWith(mapId, Y.encodeStateAsUpdate(editor));
    expect(await clocksStoredTwice(prisma, mapId)).toBe(0);
    expect(cardTexts(await storedDoc(prisma, mapId))).toEqual(texts);
    store.destroy();
  });
});
