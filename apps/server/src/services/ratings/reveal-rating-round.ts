import type { PrismaClient } from '@journeyboard/db';
import type { TRatingRound } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { databaseNow } from '../voting/vote-round-view.ts';
import { aggregateRatings } from './aggregate-ratings.ts';
import { toRatingRound } from './rating-round-view.ts';

/**
 * Ends a round and reveals it: the room's scores per stage (n, mean, min,
 * max, every score) are computed once and stored with the round. Takes the
 * round's row exclusively: scores in flight land first, later ones are
 * refused. RATING_ROUND_ENDED if it was already revealed (two facilitators).
 * `stages`: the board's stages now, for their order and titles.
 */
export async function revealRatingRound(
  prisma: PrismaClient,
  roundId: string,
  stages: readonly { id: string; title: string }[],
): Promise<TRatingRound> {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status"::text AS status FROM rating_rounds WHERE id = ${roundId}::uuid FOR UPDATE`;
    if (!locked) throw new AppError('RATING_ROUND_NOT_FOUND');
    if (locked.status !== 'running') throw new AppError('RATING_ROUND_ENDED');
    const round = await tx.ratingRound.findUniqueOrThrow({ where: { id: roundId } });
    const ratings = await tx.rating.findMany({ where: { roundId } });
    const { results, raters } = aggregateRatings(ratings, stages, round.anonymous);
    const revealed = await tx.ratingRound.update({
      where: { id: roundId },
      data: {
        status: 'revealed',
        revealedAt: await databaseNow(tx),
        results: results.map((result) => ({ ...result, scores: [...result.scores] })),
        raterCount: raters,
      },
    });
    return toRatingRound(revealed);
  });
}
