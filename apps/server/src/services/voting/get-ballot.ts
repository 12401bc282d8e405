import type { PrismaClient } from '@journeyboard/db';
import type { TBallot } from '@journeyboard/shared';
import { toBallot } from './vote-round-view.ts';

/** A voter's own votes in a round (nobody else's, ever), at their current revision. */
export async function getBallot(
  prisma: PrismaClient,
  round: { id: string; votesPerPerson: number },
  voterKey: string,
): Promise<TBallot> {
  // One snapshot, so the revision is the one these votes were written at.
  const [votes, state] = await prisma.$transaction(
    [
      prisma.vote.findMany({
        where: { roundId: round.id, voterKey },
        select: { cardId: true, votes: true },
      }),
      prisma.voterRevision.findUnique({
        where: { roundId_voterKey: { roundId: round.id, voterKey } },
        select: { revision: true },
      }),
    ],
    { isolationLevel: 'RepeatableRead' },
  );
  return toBallot(round, votes, state?.revision ?? 0);
}
