import { routes, type THands, type THandsResponse } from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';

/**
 * The map's raised hands, first raised first, and which is this person's
 * (`you`): loaded after every `ready` of the map event stream, kept current
 * by its `hands` events (which carry no `you`: the cached one is kept).
 */
export function useHands(): THandsResponse | undefined {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  const live = useStreamLive();
  return useQuery({
    queryKey: queryKeys.maps.hands(mapId ?? ''),
    queryFn: ({ signal }) =>
      call(routes.hands.list, { params: { id: mapId ?? '' }, signal, ...shareHeaders(shareToken) }),
    enabled: mapId !== null && live,
    staleTime: Infinity,
  }).data;
}

/** Whether this person's hand is up. */
export function useOwnHandRaised(): boolean {
  const hands = useHands();
  return Boolean(hands?.you && hands.hands.some((hand) => hand.who === hands.you));
}

/** The list as the server tells this person (a stream's `ready`, with `you`). */
export function receiveHandsAnswer(
  queryClient: QueryClient,
  mapId: string,
  hands: THandsResponse,
): void {
  queryClient.setQueryData<THandsResponse>(queryKeys.maps.hands(mapId), (current) =>
    current && current.revision > hands.revision ? current : hands,
  );
}

/** A list from an event; an older revision than the cached one is ignored. */
export function receiveHands(queryClient: QueryClient, mapId: string, hands: THands): void {
  queryClient.setQueryData<THandsResponse>(queryKeys.maps.hands(mapId), (current) => {
    if (!current) return current; // not loaded yet: the load after `ready` will have it
    return current.revision > hands.revision ? current : { ...hands, you: current.you };
  });
}

/** Raising and lowering; each answer is the new list, put into the cache at once. */
export function useHandActions() {
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const queryClient = useQueryClient();
  const params = { id: mapId };
  const mutation = useMutation({
    mutationFn: (change: 'raise' | 'lowerOwn' | 'lowerAll' | { lower: string }) => {
      if (change === 'raise') return call(routes.hands.raise, { params });
      if (change === 'lowerOwn') return call(routes.hands.lowerOwn, { params });
      if (change === 'lowerAll') return call(routes.hands.lowerAll, { params });
      return call(routes.hands.lower, { params: { id: mapId, handId: change.lower } });
    },
    onSuccess: (answer) =>
      queryClient.setQueryData<THandsResponse>(queryKeys.maps.hands(mapId), (current) =>
        current && current.revision > answer.revision ? current : answer,
      ),
  });
  return { change: mutation.mutateAsync };
}
