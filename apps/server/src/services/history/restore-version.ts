import type { PrismaClient } from '@journeyboard/db';
import {
  restoreStepOf,
  versionTitle,
  type EditAuthor,
  type TRestoreVersionResponse,
} from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import type { MapChange } from '@journeyboard/shared/board';
import { findVersion } from './find-version.ts';
import { recordMapActivity } from './record-map-activity.ts';
import { saveVersion } from './save-version.ts';
import { toBoardVersion } from './to-board-version.ts';

/**
 * Brings the map back to a version as ONE forward change on the live board
 * (restore.ts in packages/shared): everyone connected receives it like any
 * edit, nobody is disconnected, later versions stay, and the board as it was
 * just before is saved as a version — restoring that one undoes the restore.
 *
 * The change is worked out on the board worker (BoardWork.rewrite: reading
 * two whole boards is 100 ms of CPU on a 2,000-card map, which every map on
 * the instance would wait for) from the board as it was when asked, and
 * applied as one update. An edit someone makes meanwhile is kept, like any
 * concurrent edit; the "before" version is read in the same turn of the
 * event loop as the update is applied, so it holds that edit too and
 * restoring it still undoes exactly the restore. Saving that version comes
 * after; if it fails, the restore has happened and the error is reported.
 * The activity feed files the board's changes as a step of their own
 * (LiveBoard.apply) under one line naming the version.
 */
export async function restoreVersion(
  prisma: PrismaClient,
  sync: SyncServer,
  mapId: string,
  versionId: string,
  author: EditAuthor,
): Promise<TRestoreVersionResponse> {
  const version = await findVersion(prisma, mapId, versionId);
  const beforeState = await sync.withBoard(mapId, async (board) => {
    const update = await sync.boardWork.rewrite(board.state(), { version: version.state });
    if (!update) throw new AppError('NOT_A_BOARD');
    const state = board.state();
    board.apply(author, update);
    return state;
  });
  if (!beforeState) throw new AppError('MAP_NOT_FOUND');
  // A millisecond after the board's own entries (the recorder's, timed as the update was
  // applied): the feed, newest first and by id within a millisecond, heads them with it.
  const restored = toBoardVersion(version);
  const step = restoreStepOf(restored);
  const change: MapChange = {
    kind: 'version.restored',
    versionId: restored.id,
    version: versionTitle(restored),
    step,
  };
  await recordMapActivity(prisma, mapId, author, [change], new Date(Date.now() + 1));
  const before = await saveVersion(
    prisma,
    mapId,
    beforeState,
    author,
    // Restoring it undoes this restore — and when this was an undo, that redoes the restore.
    { kind: 'auto', reason: step === 'undo' ? 'before-undo' : 'before-restore', always: true },
    sync.boardWork,
  );
  return { restored, before: before! };
}
