import type { PrismaClient } from '@journeyboard/db';
import type { TMyRatings } from '@journeyboard/shared';
import { toMyRatings } from './rating-round-view.ts';

/** A rater's own scores in a round (nobody else's, ever), at their current revision. */
export async function getMyRatings(
  prisma: PrismaClient,
  roundId: string,
  raterKey: string,
): Promise<TMyRatings> {
  // One snapshot, so the revision is the one these scores were written at.
  const [mine, state] = await prisma.$transaction(
    [
      prisma.rating.findMany({
        where: { roundId, raterKey },
        select: { stageId: true, score: true },
      }),
      prisma.raterRevision.findUnique({
        where: { roundId_raterKey: { roundId, raterKey } },
        select: { revision: true },
      }),
    ],
    { isolationLevel: 'RepeatableRead' },
  );
  return toMyRatings(roundId, mine, state?.revision ?? 0);
}
