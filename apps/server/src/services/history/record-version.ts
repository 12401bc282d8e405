import type { PrismaClient } from '@journeyboard/db';
import type { EditAuthor, TBoardVersion } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { saveVersion, type VersionInput } from './save-version.ts';

/**
 * Saves the live board as a version: a name someone gave it, or an
 * automatic one (the end of a facilitation round calls this with
 * `{ kind: 'auto', reason: 'round' }`).
 */
export async function recordVersion(
  prisma: PrismaClient,
  sync: SyncServer,
  mapId: string,
  author: EditAuthor,
  input: VersionInput,
): Promise<TBoardVersion | null> {
  const state = await sync.withBoard(mapId, (board) => {
    const now = board.state();
    board.markVersioned();
    return now;
  });
  if (!state) throw new AppError('MAP_NOT_FOUND');
  return saveVersion(prisma, mapId, state, author, input, sync.boardWork);
}
