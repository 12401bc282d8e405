import type { Prisma } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

export interface LockedRound {
  readonly id: string;
  readonly votesPerPerson: number;
  readonly maxPerCard: number;
}

/**
 * Inside a vote's transaction: the round, share-locked (ending it takes the
 * row exclusively, so a vote either lands before the reveal or is refused),
 * then this voter's own lock, so one person's concurrent clicks are counted
 * one after the other. VOTE_ROUND_ENDED once it has ended or its time is up.
 */
export async function lockRunningRound(
  tx: Prisma.TransactionClient,
  roundId: string,
  voterKey: string,
): Promise<LockedRound> {
  const [round] = await tx.$queryRaw<
    { id: string; running: boolean; votesPerPerson: number; maxPerCard: number }[]
  >`
    SELECT id, ("status" = 'running' AND ("endsAt" IS NULL OR "endsAt" > now())) AS running,
      "votesPerPerson", "maxPerCard"
    FROM vote_rounds WHERE id = ${roundId}::uuid FOR SHARE`;
  if (!round) throw new AppError('VOTE_ROUND_NOT_FOUND');
  if (!round.running) throw new AppError('VOTE_ROUND_ENDED');
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${roundId}), hashtext(${voterKey}))`;
  return round;
}
