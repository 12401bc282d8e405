import type { Prisma, PrismaClient } from '@journeyboard/db';
import type { TRatingProgress } from '@journeyboard/shared';

/** How many people have scored at least one stage in the round, and how many scores in all. */
export async function countRatingProgress(
  prisma: PrismaClient | Prisma.TransactionClient,
  roundId: string,
): Promise<TRatingProgress> {
  const raters = await prisma.rating.groupBy({
    by: ['raterKey'],
    where: { roundId },
    _count: { _all: true },
  });
  const scores = raters.reduce((sum, rater) => sum + rater._count._all, 0);
  return { roundId, raters: raters.length, scores };
}
