import type { PrismaClient } from '@journeyboard/db';
import type { MapAction } from '@journeyboard/shared';
import { BoardLockSet, locksBind, type BoardLock } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import { readMapLocks } from './map-locks-view.ts';

/**
 * A participant's private card may not go into a cell the facilitator locked
 * (a stage, a lane, the whole board): the reveal is a server write that no
 * participant lock holds back, so the card would land there past the lock.
 * Only the facilitators' own locks count — the board lock a running silent
 * brainstorm adds (loadBoardLockSet) is what private cards are for.
 */
export async function assertCellUnlocked(
  prisma: PrismaClient,
  mapId: string,
  cell: { stageId: string; laneId: string },
  capabilities: readonly MapAction[],
): Promise<void> {
  if (!locksBind(capabilities)) return;
  const { locks } = await readMapLocks(prisma, mapId);
  if (locks.length === 0) return;
  if (new BoardLockSet(locks as BoardLock[]).cellLocked(cell.stageId, cell.laneId)) {
    throw new AppError('CELL_LOCKED');
  }
}
