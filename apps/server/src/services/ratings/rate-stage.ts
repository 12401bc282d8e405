import type { PrismaClient } from '@journeyboard/db';
import type { TMyRatings } from '@journeyboard/shared';
import type { Participant } from '../../policy/actor.ts';
import { lockRunningRatingRound } from './lock-running-rating-round.ts';
import { nextRaterRevision } from './next-rater-revision.ts';
import { toMyRatings } from './rating-round-view.ts';

/**
 * Sets the rater's own score for one stage (already checked to be on the
 * board), replacing the one they gave before. Keeps the stage's title, for
 * a stage deleted before the reveal. Answers all their scores, at their
 * next revision.
 */
export async function rateStage(
  prisma: PrismaClient,
  roundId: string,
  rater: Participant,
  stage: { id: string; title: string },
  score: number,
): Promise<TMyRatings> {
  return prisma.$transaction(async (tx) => {
    await lockRunningRatingRound(tx, roundId);
    const revision = await nextRaterRevision(tx, roundId, rater.key);
    const fields = { raterName: rater.name, stageTitle: stage.title, score };
    await tx.rating.upsert({
      where: { roundId_raterKey_stageId: { roundId, raterKey: rater.key, stageId: stage.id } },
      create: { roundId, raterKey: rater.key, stageId: stage.id, ...fields },
      update: { ...fields, updatedAt: new Date() },
    });
    const mine = await tx.rating.findMany({
      where: { roundId, raterKey: rater.key },
      select: { stageId: true, score: true },
    });
    return toMyRatings(roundId, mine, revision);
  });
}
