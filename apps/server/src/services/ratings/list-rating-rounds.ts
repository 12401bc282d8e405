import type { PrismaClient } from '@journeyboard/db';
import type { TRatingRound } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { toRatingRound } from './rating-round-view.ts';

/** How many of a map's rounds the list returns (the newest). */
const LISTED_ROUNDS = 20;

/** The map's rating rounds, newest first (revealed ones with the room's scores). */
export async function listRatingRounds(
  prisma: PrismaClient,
  mapId: string,
): Promise<TRatingRound[]> {
  const rounds = await prisma.ratingRound.findMany({
    where: { mapId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LISTED_ROUNDS,
  });
  return rounds.map(toRatingRound);
}

/** One round as anyone on its map may see it. */
export async function loadRatingRound(
  prisma: PrismaClient,
  roundId: string,
): Promise<TRatingRound> {
  const round = await prisma.ratingRound.findUnique({ where: { id: roundId } });
  if (!round) throw new AppError('RATING_ROUND_NOT_FOUND');
  return toRatingRound(round);
}
