import type { PrismaClient } from '@journeyboard/db';
import type { TRatingRound } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { toRatingRound } from './rating-round-view.ts';

export interface StartRatingRoundInput {
  readonly mapId: string;
  /** The emotion lane (already checked to be one on the board) and its title. */
  readonly lane: { readonly id: string; readonly title: string };
  readonly anonymous: boolean;
  readonly startedByName: string;
}

/**
 * Opens "Everyone rates" on an emotion lane. One round at a time per map:
 * the map's row is locked while we look, so two facilitators starting at
 * once get one round and one RATING_ROUND_RUNNING.
 */
export async function startRatingRound(
  prisma: PrismaClient,
  input: StartRatingRoundInput,
): Promise<TRatingRound> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM journey_maps WHERE id = ${input.mapId}::uuid FOR UPDATE`;
    const running = await tx.ratingRound.findFirst({
      where: { mapId: input.mapId, status: 'running' },
      select: { id: true },
    });
    if (running) throw new AppError('RATING_ROUND_RUNNING');
    const round = await tx.ratingRound.create({
      data: {
        mapId: input.mapId,
        laneId: input.lane.id,
        laneTitle: input.lane.title,
        anonymous: input.anonymous,
        startedByName: input.startedByName,
      },
    });
    return toRatingRound(round);
  });
}
