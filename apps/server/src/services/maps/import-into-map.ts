import type { PrismaClient } from '@journeyboard/db';
import type {
  EditAuthor,
  TImportIntoMapResponse,
  ZImportIntoMapRequest,
} from '@journeyboard/shared';
import { boardEmptiness, readBoardState } from '@journeyboard/shared/board';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { storeSearchText } from '../search/index-board-text.ts';
import { planPersonaImport, writePersonaImport } from '../personas/plan-persona-import.ts';

const notEmpty = (reason: string) =>
  new AppError(
    'MAP_NOT_EMPTY',
    `This map is not empty (${reason}), so a file cannot be imported into it: import into a new blank map, or create a new map from the file.`,
  );

/**
 * Imports a map file into an existing map that is empty (`boardEmptiness`):
 * the file's board replaces the empty one as ONE change on the live
 * document — everyone who has the map open sees it appear, like a restore —
 * and its personas are linked to the map (by name, or created).
 *
 * Nothing is written on failure: the board is checked and replaced inside
 * the personas' transaction, in one turn of the event loop (no edit falls
 * between the check and the write); if the check fails the transaction rolls
 * back, and the board is written only after every persona row is. The
 * change itself, and the search text, are worked out on the board worker
 * (BoardWork): seeding and reading a 2,000-card board is CPU every map on
 * the instance would otherwise wait for.
 */
export async function importIntoMap(
  prisma: PrismaClient,
  sync: SyncServer,
  map: { id: string; workspaceId: string },
  input: z.output<typeof ZImportIntoMapRequest>,
  author: EditAuthor,
  userId: string | null,
): Promise<TImportIntoMapResponse> {
  // A first look before any work: most refusals end here.
  const state = await sync.withBoard(map.id, (board) => board.state());
  if (!state) throw new AppError('MAP_NOT_FOUND');
  const before = boardEmptiness(readBoardState(state));
  if (!before.empty) throw notEmpty(before.reason);

  const personas = await planPersonaImport(prisma, map.workspaceId, input.map.map.personas, userId);
  const written = await prisma.$transaction(async (tx) => {
    await writePersonaImport(tx, map.id, map.workspaceId, personas, { keepPrimary: true });
    return sync.withBoard(map.id, async (board) => {
      const update = await sync.boardWork.rewrite(board.state(), { file: input.map });
      // Checked again in the turn the board is written: nobody added to it meanwhile.
      const now = boardEmptiness(readBoardState(board.state()));
      if (!now.empty) throw notEmpty(now.reason);
      if (update) board.apply(author, update);
      return board.state();
    });
  });
  if (!written) throw new AppError('MAP_NOT_FOUND');
  // The imported cards are findable at once, before any compaction.
  const { searchText } = await sync.boardWork.merge([written]);
  await storeSearchText(prisma, map.id, searchText);
  return {
    stages: input.map.stages.length,
    lanes: input.map.lanes.length,
    cards: input.map.cards.length,
    personas: personas.summary,
  };
}
