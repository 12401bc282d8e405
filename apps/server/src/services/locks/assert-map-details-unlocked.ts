import type { PrismaClient } from '@journeyboard/db';
import type { MapAction } from '@journeyboard/shared';
import { locksBind } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import { loadBoardLockSet } from './map-locks-view.ts';

/**
 * A participant's rename or description of the map while the board or its structure is
 * locked (by the facilitator, or the board by a silent brainstorm) is refused: the name is
 * the first thing on the board everyone sees, leadership's links included. Facilitators are never
 * bound by locks, here as on the sync socket (sync/lock-guard.ts).
 */
export async function assertMapDetailsUnlocked(
  prisma: PrismaClient,
  mapId: string,
  capabilities: readonly MapAction[],
): Promise<void> {
  if (!locksBind(capabilities)) return;
  const locks = await loadBoardLockSet(prisma, mapId);
  if (locks.mapDetailsLocked) throw new AppError('BOARD_LOCKED');
}
