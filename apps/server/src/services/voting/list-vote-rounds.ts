import type { PrismaClient } from '@journeyboard/db';
import type { TVoteRound } from '@journeyboard/shared';
import { databaseNow, toVoteRound } from './vote-round-view.ts';

/** The map's rounds, newest first, each ended one with its results (cards that got votes). */
export async function listVoteRounds(prisma: PrismaClient, mapId: string): Promise<TVoteRound[]> {
  const [rounds, now] = await Promise.all([
    prisma.voteRound.findMany({
      where: { mapId },
      orderBy: { createdAt: 'desc' },
      include: { results: { where: { votes: { gt: 0 } } } },
    }),
    databaseNow(prisma),
  ]);
  return rounds.map((round) =>
    toVoteRound(round, round.status === 'ended' ? round.results : null, now),
  );
}
