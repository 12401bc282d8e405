import type { PrismaClient } from '@journeyboard/db';
import type { EditAuthor, TRestoreVersionResponse } from '@journeyboard/shared';
import { readBoardState, restoreBoard } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { findVersion } from './find-version.ts';
import { saveVersion } from './save-version.ts';
import { toBoardVersion } from './to-board-version.ts';

/**
 * Brings the map back to a version as ONE forward change on the live board
 * (restore.ts in packages/shared): everyone connected receives it like any
 * edit, nobody is disconnected, later versions stay, and the board as it was
 * just before is saved as a version — restoring that one undoes the restore.
 *
 * The "before" state is read and the restore applied in the same turn of
 * the event loop, so no edit falls between them. Saving that version comes
 * after; if it fails, the restore has happened and the error is reported.
 */
export async function restoreVersion(
  prisma: PrismaClient,
  sync: SyncServer,
  mapId: string,
  versionId: string,
  author: EditAuthor,
): Promise<TRestoreVersionResponse> {
  const version = await findVersion(prisma, mapId, versionId);
  const target = readBoardState(version.state);
  if (target.schemaVersion === 0) throw new AppError('NOT_A_BOARD');
  const beforeState = await sync.withBoard(mapId, (board) => {
    const state = board.state();
    board.change(author, (doc, origin) => restoreBoard(doc, target, origin));
    return state;
  });
  if (!beforeState) throw new AppError('MAP_NOT_FOUND');
  const before = await saveVersion(
    prisma,
    mapId,
    beforeState,
    author,
    { kind: 'auto', reason: 'before-restore', always: true },
    sync.boardWork,
  );
  return { restored: toBoardVersion(version), before: before! };
}
