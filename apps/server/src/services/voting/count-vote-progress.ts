import type { Prisma, PrismaClient } from '@journeyboard/db';
import type { TVoteProgress } from '@journeyboard/shared';

/** How many people hold at least one vote in the round, and how many votes in all. */
export async function countVoteProgress(
  prisma: PrismaClient | Prisma.TransactionClient,
  roundId: string,
): Promise<TVoteProgress> {
  const voters = await prisma.vote.groupBy({
    by: ['voterKey'],
    where: { roundId, votes: { gt: 0 } },
    _sum: { votes: true },
  });
  const votes = voters.reduce((sum, voter) => sum + (voter._sum.votes ?? 0), 0);
  return { roundId, voters: voters.length, votes };
}
