import type { PrismaClient } from '@journeyboard/db';
import type { TStartVoteRoundRequest, TVoteRound } from '@journeyboard/shared';
import type { z } from 'zod';
import type { ZStartVoteRoundRequest } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { databaseNow, toVoteRound } from './vote-round-view.ts';

export type StartVoteRoundInput = z.output<typeof ZStartVoteRoundRequest>;

/**
 * Starts a voting round on the map. One at a time: the map's row is locked
 * while we look, so two facilitators starting at once get one round and one
 * VOTE_ROUND_RUNNING. A round whose time limit has passed counts as over
 * (its reveal is on its way: vote-round-deadlines).
 */
export async function startVoteRound(
  prisma: PrismaClient,
  mapId: string,
  startedByName: string,
  input: StartVoteRoundInput,
): Promise<TVoteRound> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM journey_maps WHERE id = ${mapId}::uuid FOR UPDATE`;
    const [running] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM vote_rounds
      WHERE "mapId" = ${mapId}::uuid AND "status" = 'running'
        AND ("endsAt" IS NULL OR "endsAt" > now())
      LIMIT 1`;
    if (running) throw new AppError('VOTE_ROUND_RUNNING');
    const now = await databaseNow(tx);
    const round = await tx.voteRound.create({
      data: {
        mapId,
        question: input.question,
        votesPerPerson: input.votesPerPerson,
        maxPerCard: input.maxPerCard,
        laneKinds: [...new Set(input.laneKinds)],
        laneIds: [...new Set(input.laneIds)],
        anonymous: input.anonymous,
        startedByName,
        createdAt: now,
        endsAt:
          input.durationSeconds === undefined
            ? null
            : new Date(now.getTime() + input.durationSeconds * 1000),
      },
    });
    return toVoteRound(round, null, now);
  });
}

export type { TStartVoteRoundRequest };
