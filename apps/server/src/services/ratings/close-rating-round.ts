import type { PrismaClient } from '@journeyboard/db';
import type { TRatingRound } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { databaseNow } from '../voting/vote-round-view.ts';
import { toRatingRound } from './rating-round-view.ts';

export interface RatingRoundClosed {
  readonly round: TRatingRound;
  /** False when it was closed already (two facilitators at once): nothing to tell anyone. */
  readonly changed: boolean;
}

/**
 * Takes a revealed round's scores off the emotion lane for everyone — the
 * facilitator's "the room has seen them" — while its results stay in the
 * round for later. A running round must be revealed first
 * (RATING_ROUND_NOT_REVEALED); closing a closed one changes nothing.
 */
export async function closeRatingRound(
  prisma: PrismaClient,
  roundId: string,
): Promise<RatingRoundClosed> {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; closed: boolean }[]>`
      SELECT "status"::text AS status, "closedAt" IS NOT NULL AS closed
      FROM rating_rounds WHERE id = ${roundId}::uuid FOR UPDATE`;
    if (!locked) throw new AppError('RATING_ROUND_NOT_FOUND');
    if (locked.status !== 'revealed') throw new AppError('RATING_ROUND_NOT_REVEALED');
    if (locked.closed) {
      const round = await tx.ratingRound.findUniqueOrThrow({ where: { id: roundId } });
      return { round: toRatingRound(round), changed: false };
    }
    const closed = await tx.ratingRound.update({
      where: { id: roundId },
      data: { closedAt: await databaseNow(tx) },
    });
    return { round: toRatingRound(closed), changed: true };
  });
}
