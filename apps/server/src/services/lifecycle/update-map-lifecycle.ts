import type { PrismaClient } from '@journeyboard/db';
import type { MapAction, TJourneyMap, ZUpdateLifecycleRequest } from '@journeyboard/shared';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { loadJourneyMap } from '../maps/to-journey-map.ts';

/**
 * Sets a map's status, owner, next review day or review interval (the
 * caller may: `map.lifecycle`). The owner must be a member of the map's
 * workspace — someone answerable for it who can open it. Archiving is just
 * a status: nothing is deleted, and setting another status brings it back.
 */
export async function updateMapLifecycle(
  prisma: PrismaClient,
  map: { id: string; workspaceId: string },
  changes: z.output<typeof ZUpdateLifecycleRequest>,
  capabilities: readonly MapAction[],
): Promise<TJourneyMap> {
  const { status, ownerId, nextReviewOn, reviewIntervalDays } = changes;
  if (ownerId) {
    const member = await prisma.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: map.workspaceId, userId: ownerId } },
      select: { userId: true },
    });
    if (!member) throw new AppError('OWNER_NOT_MEMBER');
  }
  await prisma.journeyMap.update({
    where: { id: map.id },
    data: {
      ...(status !== undefined ? { status } : {}),
      ...(ownerId !== undefined ? { ownerId } : {}),
      ...(nextReviewOn !== undefined
        ? { nextReviewAt: nextReviewOn === null ? null : new Date(`${nextReviewOn}T00:00:00Z`) }
        : {}),
      ...(reviewIntervalDays !== undefined ? { reviewIntervalDays } : {}),
    },
  });
  return loadJourneyMap(prisma, map.id, capabilities);
}
