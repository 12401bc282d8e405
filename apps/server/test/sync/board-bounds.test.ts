/**
 * The board's bounds on the sync socket (board/bounds.ts in packages/shared):
 * a client that skips the board's operations and writes raw Yjs can't leave
 * a NUL or an over-long text on the board — nobody else ever sees it, the
 * sender converges, and the map keeps compacting.
 */
import { BOARD_TEXT_LIMITS, CARD_TEXT_MAX, readBoard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  createBoard,
  storedDoc,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
} from './helpers.ts';

const db = useTestDatabase();
const server = useSyncServer(db, {
  sync: { compactAfterUpdates: 2, flushIntervalMs: 20, compactMinIntervalMs: 0 },
});
useClientCleanup();

describe('the board’s bounds on the sync socket', () => {
  it('cuts what a raw client writes past them in the same update: others never see it, the map keeps compacting', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const writer = connectClient(server().syncUrl, mapId);
    const observer = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(writer), synced(observer)]);
    const { stages, lanes } = readBoard(writer.doc);
    const stageId = stages[0]!.id;
    const seen: string[] = [];
    observer.doc.on('afterTransaction', () => {
      const board = readBoard(observer.doc);
      seen.push(board.stages[0]!.title, ...[...board.cards.values()].map((card) => card.text));
    });
    const refusedBefore = server().app.sync.refusals.snapshot()['over-bounds'];

    writer.doc.transact(() => {
      writer.doc
        .getMap<Y.Map<unknown>>('stages')
        .get(stageId)!
        .set('title', `Arrival\u0000${'!'.repeat(500)}`);
      const card = new Y.Map<unknown>();
      card.set('text', new Y.Text(`Parcel\u0000 never arrived ${'.'.repeat(CARD_TEXT_MAX)}`));
      card.set('position', { stageId, laneId: lanes[0]!.id, order: 'a0' });
      writer.doc.getMap<Y.Map<unknown>>('cards').set('raw', card);
    });

    const within = (doc: Y.Doc) => {
      const board = readBoard(doc);
      const text = board.cards.get('raw')?.text ?? '';
      return text.startsWith('Parcel never arrived') && text.length === CARD_TEXT_MAX;
    };
    await waitFor(() => within(observer.doc), { what: 'the card to reach the observer' });
    await waitFor(() => within(writer.doc), { what: 'the writer to converge' });
    expect(seen.some((text) => text.includes('\u0000'))).toBe(false);
    expect(readBoard(observer.doc).stages[0]!.title).toBe(
      `Arrival${'!'.repeat(BOARD_TEXT_LIMITS.title - 'Arrival'.length)}`,
    );
    expect(server().app.sync.refusals.snapshot()['over-bounds']).toBe(refusedBefore + 1);

    // Stored as everyone sees it, and compacted: a NUL in the search text stopped that for good.
    writer.destroy();
    observer.destroy();
    await waitFor(() => !server().app.sync.isLoaded(mapId), { what: 'the map to unload' });
    expect(within(await storedDoc(prisma, mapId))).toBe(true);
    expect(await prisma.boardUpdate.count({ where: { mapId } })).toBe(0);
    const { text } = await prisma.mapSearchText.findUniqueOrThrow({ where: { mapId } });
    expect(text).toContain('Parcel never arrived');
  });
});
