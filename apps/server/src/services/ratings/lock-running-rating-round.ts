import type { Prisma } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/**
 * Inside a score's transaction: the round, share-locked — the reveal takes
 * the row exclusively, so a score either lands before the reveal (and is in
 * it) or is refused with RATING_ROUND_ENDED.
 */
export async function lockRunningRatingRound(
  tx: Prisma.TransactionClient,
  roundId: string,
): Promise<void> {
  const [round] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS status FROM rating_rounds WHERE id = ${roundId}::uuid FOR SHARE`;
  if (!round) throw new AppError('RATING_ROUND_NOT_FOUND');
  if (round.status !== 'running') throw new AppError('RATING_ROUND_ENDED');
}
