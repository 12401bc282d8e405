import type { PrismaClient } from '@journeyboard/db';
import type { THands } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { changeHands } from './hands-view.ts';

/** Whose hands to lower: one's own, one by its id (a facilitator), or everyone's. */
export type HandsToLower =
  { readonly own: string } | { readonly handId: string } | { readonly all: true };

/**
 * Lowers hands. Lowering one's own lowered hand, or all when none is
 * raised, changes nothing (and says so); a hand id that is not raised on
 * this map is HAND_NOT_FOUND.
 */
export async function lowerHands(
  prisma: PrismaClient,
  mapId: string,
  which: HandsToLower,
): Promise<{ hands: THands; changed: boolean }> {
  return changeHands(prisma, mapId, async (tx) => {
    if ('handId' in which) {
      const { count } = await tx.raisedHand.deleteMany({ where: { mapId, id: which.handId } });
      if (count === 0) throw new AppError('HAND_NOT_FOUND');
      return true;
    }
    const where = 'own' in which ? { mapId, participantKey: which.own } : { mapId };
    const { count } = await tx.raisedHand.deleteMany({ where });
    return count > 0;
  });
}
