import type { PrismaClient } from '@journeyboard/db';
import type { TLatestVoteResultsResponse } from '@journeyboard/shared';

/**
 * The latest result of every card that has been in an ended round of the
 * map: its votes and rank in the most recent round that counted it (0 when
 * it could take votes and got none). Cards deleted since are included, with
 * their text from then.
 */
export async function listLatestVoteResults(
  prisma: PrismaClient,
  mapId: string,
): Promise<TLatestVoteResultsResponse> {
  const rows = await prisma.$queryRaw<
    {
      roundId: string;
      question: string;
      endedAt: Date;
      cardId: string;
      cardText: string;
      stageId: string;
      stageTitle: string;
      laneId: string;
      laneTitle: string;
      votes: number;
      rank: number;
    }[]
  >`
    SELECT DISTINCT ON (result."cardId")
      result."roundId", round."question", round."endedAt", result."cardId", result."cardText",
      result."stageId", result."stageTitle", result."laneId", result."laneTitle",
      result."votes", result."rank"
    FROM vote_results AS result
    JOIN vote_rounds AS round ON round.id = result."roundId"
    WHERE round."mapId" = ${mapId}::uuid AND round."status" = 'ended'
    ORDER BY result."cardId", round."endedAt" DESC`;
  return {
    results: rows
      .map((row) => ({ ...row, endedAt: row.endedAt.toISOString() }))
      .sort((a, b) => b.endedAt.localeCompare(a.endedAt) || a.rank - b.rank),
  };
}
