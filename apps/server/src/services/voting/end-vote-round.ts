import type { PrismaClient } from '@journeyboard/db';
import type { TVoteRound } from '@journeyboard/shared';
import type { PlacedCard } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import { tallyVotes } from './tally-votes.ts';
import { databaseNow, toVoteRound } from './vote-round-view.ts';

/**
 * Ends a round and reveals it: counts every vote, ranks the cards and stores
 * the results (every card that could take votes on `board` now, 0 included,
 * and every card that got votes, deleted ones with their text from when they
 * were voted for). Takes the round's row exclusively: votes in flight land
 * first, later ones are refused. VOTE_ROUND_ENDED if it already has ended
 * (two facilitators, or the time limit, got there first).
 */
export async function endVoteRound(
  prisma: PrismaClient,
  roundId: string,
  board: readonly PlacedCard[],
): Promise<TVoteRound> {
  return prisma.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`
        SELECT "status"::text AS status FROM vote_rounds WHERE id = ${roundId}::uuid FOR UPDATE`;
      if (!locked) throw new AppError('VOTE_ROUND_NOT_FOUND');
      if (locked.status !== 'running') throw new AppError('VOTE_ROUND_ENDED');
      const round = await tx.voteRound.findUniqueOrThrow({ where: { id: roundId } });
      const votes = await tx.vote.findMany({ where: { roundId } });
      const results = tallyVotes(round, votes, board);
      // One statement with one parameter, the tallied cards as JSON (their fields are the
      // columns): Prisma's createMany compiles a new query for every row count, which cost a
      // reveal ~30 ms of its ~50 (bench:workshop).
      await tx.$executeRaw`
        INSERT INTO vote_results
          ("roundId", "cardId", "cardText", "stageId", "stageTitle", "laneId", "laneTitle",
           "votes", "rank", "voters")
        SELECT ${roundId}::uuid, r."cardId", r."cardText", r."stageId", r."stageTitle",
               r."laneId", r."laneTitle", r."votes", r."rank", r."voters"
        FROM jsonb_to_recordset(${JSON.stringify(results)}::jsonb) AS r(
          "cardId" text, "cardText" text, "stageId" text, "stageTitle" text, "laneId" text,
          "laneTitle" text, "votes" int, "rank" int, "voters" jsonb)`;
      const now = await databaseNow(tx);
      const ended = await tx.voteRound.update({
        where: { id: roundId },
        data: {
          status: 'ended',
          endedAt: now,
          totalVotes: votes.reduce((sum, vote) => sum + vote.votes, 0),
          voterCount: new Set(votes.map((vote) => vote.voterKey)).size,
        },
      });
      return toVoteRound(ended, results, now);
    },
    { timeout: 30_000 },
  );
}
