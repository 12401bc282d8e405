import { routes, type TLatestVoteResult } from '@journeyboard/shared';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { shareHeaders, useMapEventStore } from '../map-events/map-event-store.ts';

/**
 * Votes per card from the latest ended round each card was in. Loaded once
 * and again whenever a round is revealed (voting-queries.ts invalidates it
 * on the map event stream's `vote-round` event). Works for share links too.
 */
export function useLatestVoteCounts(mapId: string): ReadonlyMap<string, number> | undefined {
  return useLatestResults(
    mapId,
    (results) => new Map(results.map((result) => [result.cardId, result.votes])),
  );
}

/** The last voting round to end: what the room was asked and the cards it gave votes, best first. */
export interface LatestVote {
  readonly question: string;
  readonly endedAt: string;
  readonly results: readonly TLatestVoteResult[];
}

/** The last round to end (null: none has), from the same answer as the counts. */
export function useLatestVote(mapId: string): LatestVote | null | undefined {
  return useLatestResults(mapId, latestVote);
}

export function latestVote(results: readonly TLatestVoteResult[]): LatestVote | null {
  const last = results.reduce<TLatestVoteResult | null>(
    (latest, result) => (latest === null || result.endedAt > latest.endedAt ? result : latest),
    null,
  );
  if (!last) return null;
  return {
    question: last.question,
    endedAt: last.endedAt,
    // The cards it chose: every card of the round comes back, most with no votes.
    results: results
      .filter((result) => result.roundId === last.roundId && result.votes > 0)
      .sort((a, b) => a.rank - b.rank),
  };
}

function useLatestResults<T>(mapId: string, select: (results: TLatestVoteResult[]) => T) {
  const shareToken = useMapEventStore((state) => state.shareToken);
  return useQuery({
    queryKey: queryKeys.maps.voteResults(mapId),
    queryFn: async ({ signal }) =>
      (
        await call(routes.voting.latestResults, {
          params: { id: mapId },
          signal,
          ...shareHeaders(shareToken),
        })
      ).results,
    select,
    enabled: mapId !== '',
  }).data;
}
