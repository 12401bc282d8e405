import type { PrismaClient } from '@journeyboard/db';
import type { TBallot } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { lockRunningRound } from './lock-running-round.ts';
import { nextVoterRevision } from './next-voter-revision.ts';
import { toBallot } from './vote-round-view.ts';

/** Takes one of the voter's votes back from a card. NO_VOTE_ON_CARD when there is none. */
export async function takeBackVote(
  prisma: PrismaClient,
  roundId: string,
  voterKey: string,
  cardId: string,
): Promise<TBallot> {
  return prisma.$transaction(async (tx) => {
    const round = await lockRunningRound(tx, roundId, voterKey);
    const mine = await tx.vote.findMany({
      where: { roundId, voterKey },
      select: { cardId: true, votes: true },
    });
    const onCard = mine.find((vote) => vote.cardId === cardId)?.votes ?? 0;
    if (onCard === 0) throw new AppError('NO_VOTE_ON_CARD');
    const key = { roundId_voterKey_cardId: { roundId, voterKey, cardId } };
    if (onCard === 1) await tx.vote.delete({ where: key });
    else
      await tx.vote.update({
        where: key,
        data: { votes: { decrement: 1 }, updatedAt: new Date() },
      });
    return toBallot(
      round,
      mine.map((vote) => (vote.cardId === cardId ? { ...vote, votes: vote.votes - 1 } : vote)),
      await nextVoterRevision(tx, roundId, voterKey),
    );
  });
}
