import type { PrismaClient } from '@journeyboard/db';
import type { TVoteRound } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { databaseNow, toVoteRound } from './vote-round-view.ts';

/** One round as anyone on its map may see it (results only once it has ended). */
export async function loadVoteRound(prisma: PrismaClient, roundId: string): Promise<TVoteRound> {
  const round = await prisma.voteRound.findUnique({
    where: { id: roundId },
    include: { results: { where: { votes: { gt: 0 } } } },
  });
  if (!round) throw new AppError('VOTE_ROUND_NOT_FOUND');
  return toVoteRound(
    round,
    round.status === 'ended' ? round.results : null,
    await databaseNow(prisma),
  );
}
