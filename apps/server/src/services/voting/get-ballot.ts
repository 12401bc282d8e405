import type { PrismaClient } from '@journeyboard/db';
import type { TBallot } from '@journeyboard/shared';
import { toBallot } from './vote-round-view.ts';

/** A voter's own votes in a round (nobody else's, ever). */
export async function getBallot(
  prisma: PrismaClient,
  round: { id: string; votesPerPerson: number },
  voterKey: string,
): Promise<TBallot> {
  const votes = await prisma.vote.findMany({
    where: { roundId: round.id, voterKey },
    select: { cardId: true, votes: true },
  });
  return toBallot(round, votes);
}
