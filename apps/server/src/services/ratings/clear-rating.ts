import type { PrismaClient } from '@journeyboard/db';
import type { TMyRatings } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { lockRunningRatingRound } from './lock-running-rating-round.ts';
import { nextRaterRevision } from './next-rater-revision.ts';
import { toMyRatings } from './rating-round-view.ts';

/**
 * Takes back the rater's own score for one stage (answers the rest, at their
 * next revision); NO_RATING_FOR_STAGE when there is none.
 */
export async function clearRating(
  prisma: PrismaClient,
  roundId: string,
  raterKey: string,
  stageId: string,
): Promise<TMyRatings> {
  return prisma.$transaction(async (tx) => {
    await lockRunningRatingRound(tx, roundId);
    const revision = await nextRaterRevision(tx, roundId, raterKey);
    const { count } = await tx.rating.deleteMany({ where: { roundId, raterKey, stageId } });
    if (count === 0) throw new AppError('NO_RATING_FOR_STAGE');
    const mine = await tx.rating.findMany({
      where: { roundId, raterKey },
      select: { stageId: true, score: true },
    });
    return toMyRatings(roundId, mine, revision);
  });
}
