import type { PrismaClient } from '@journeyboard/db';
import type { TBallot } from '@journeyboard/shared';
import type { PlacedCard } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import type { Participant } from '../../policy/actor.ts';
import { lockRunningRound } from './lock-running-round.ts';
import { nextVoterRevision } from './next-voter-revision.ts';
import { toBallot } from './vote-round-view.ts';

/**
 * Places one of the voter's votes on a card (already checked to be on the
 * board and votable in this round). NO_VOTES_LEFT when all are used,
 * CARD_VOTE_LIMIT when the card has the round's maximum from this voter.
 * Keeps where the card is and its text, for a card deleted before the reveal.
 */
export async function castVote(
  prisma: PrismaClient,
  roundId: string,
  voter: Participant,
  card: PlacedCard,
): Promise<TBallot> {
  return prisma.$transaction(async (tx) => {
    const round = await lockRunningRound(tx, roundId, voter.key);
    const mine = await tx.vote.findMany({
      where: { roundId, voterKey: voter.key },
      select: { cardId: true, votes: true },
    });
    const used = mine.reduce((sum, vote) => sum + vote.votes, 0);
    if (used >= round.votesPerPerson) throw new AppError('NO_VOTES_LEFT');
    const onCard = mine.find((vote) => vote.cardId === card.id)?.votes ?? 0;
    if (onCard >= round.maxPerCard) throw new AppError('CARD_VOTE_LIMIT');
    const where = {
      cardText: card.text,
      stageId: card.stageId,
      stageTitle: card.stageTitle,
      laneId: card.laneId,
      laneTitle: card.laneTitle,
    };
    await tx.vote.upsert({
      where: { roundId_voterKey_cardId: { roundId, voterKey: voter.key, cardId: card.id } },
      create: {
        roundId,
        voterKey: voter.key,
        voterName: voter.name,
        cardId: card.id,
        votes: 1,
        ...where,
      },
      update: { votes: { increment: 1 }, voterName: voter.name, updatedAt: new Date(), ...where },
    });
    const after = mine.some((vote) => vote.cardId === card.id)
      ? mine.map((vote) => (vote.cardId === card.id ? { ...vote, votes: vote.votes + 1 } : vote))
      : [...mine, { cardId: card.id, votes: 1 }];
    return toBallot(round, after, await nextVoterRevision(tx, roundId, voter.key));
  });
}
