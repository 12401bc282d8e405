import { routes } from '@journeyboard/shared';
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
    select: (results) => new Map(results.map((result) => [result.cardId, result.votes])),
    enabled: mapId !== '',
  }).data;
}
