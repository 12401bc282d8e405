import type { PrismaClient } from '@journeyboard/db';
import type { TMyRatings } from '@journeyboard/shared';
import { toMyRatings } from './rating-round-view.ts';

/** A rater's own scores in a round (nobody else's, ever). */
export async function getMyRatings(
  prisma: PrismaClient,
  roundId: string,
  raterKey: string,
): Promise<TMyRatings> {
  const mine = await prisma.rating.findMany({
    where: { roundId, raterKey },
    select: { stageId: true, score: true },
  });
  return toMyRatings(roundId, mine);
}
