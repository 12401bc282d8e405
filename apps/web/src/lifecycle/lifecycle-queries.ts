import {
  routes,
  type TJourneyMap,
  type TLifecycleEvent,
  type TUpdateLifecycleRequest,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { decodeState } from '../board/history-preview.ts';
import type { CachedMap } from '../maps/use-journey-map.ts';
import { shareHeaders, useMapEventStore } from '../map-events/map-event-store.ts';
import { refetchChanged } from '../api/query-client.ts';

/** A map the server answered with: the board page's copy, and every list it may be in. */
function mapChanged(queryClient: QueryClient, map: TJourneyMap): void {
  queryClient.setQueryData<CachedMap>(queryKeys.maps.one(map.id), (cached) =>
    cached
      ? { ...cached, map: { ...map, capabilities: map.capabilities ?? cached.map.capabilities } }
      : cached,
  );
  void refetchChanged(queryClient, { queryKey: ['maps', 'list'] });
  void refetchChanged(queryClient, { queryKey: ['maps', 'search'] });
}

/**
 * A `lifecycle` event from the map's event stream (someone — in another tab,
 * or another person — changed the status, owner or review, or the owner left
 * the workspace): the board page's copy of the map takes it at once, unless
 * it already holds a newer state of the map (an answer that overtook the
 * event). The map lists and searches have no stream of their own: they are
 * marked stale, so they load afresh when shown (and on window focus).
 */
export function receiveLifecycle(
  queryClient: QueryClient,
  mapId: string,
  event: TLifecycleEvent,
): void {
  queryClient.setQueryData<CachedMap>(queryKeys.maps.one(mapId), (cached) =>
    cached && Date.parse(cached.map.updatedAt) <= Date.parse(event.updatedAt)
      ? {
          ...cached,
          map: { ...cached.map, lifecycle: event.lifecycle, updatedAt: event.updatedAt },
        }
      : cached,
  );
  void refetchChanged(queryClient, { queryKey: ['maps', 'list'] });
  void refetchChanged(queryClient, { queryKey: ['maps', 'search'] });
}

/** Status, owner, next review day, review interval (owners: `map.lifecycle`). */
export function useUpdateLifecycle(mapId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateLifecycleRequest) =>
      call(routes.maps.lifecycle, { params: { id: mapId }, body }),
    onSuccess: (map) => mapChanged(queryClient, map),
  });
}

/** "Mark as reviewed": a named version, and the review day moved on. */
export function useMarkReviewed(mapId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(routes.maps.review, { params: { id: mapId } }),
    onSuccess: ({ map }) => {
      mapChanged(queryClient, map);
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.versions(mapId) });
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.lastReview(mapId) });
    },
  });
}

/** "Create future-state map": the copy, to open. */
export function useCreateFutureState(mapId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(routes.maps.createFutureState, { params: { id: mapId }, body: {} }),
    onSuccess: () => {
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.one(mapId), exact: true });
      void refetchChanged(queryClient, { queryKey: ['maps', 'list'] });
    },
  });
}

/**
 * A future-state map against its current-state source (with the page's
 * credentials: a share link's viewer sees it too). Asked afresh each time
 * the comparison opens: both boards are live.
 */
export function useSourceComparison(mapId: string) {
  const shareToken = useMapEventStore((state) => state.shareToken);
  return useQuery({
    queryKey: queryKeys.maps.sourceComparison(mapId),
    queryFn: async ({ signal }) => {
      const answer = await call(routes.maps.compareWithSource, {
        params: { id: mapId },
        signal,
        ...shareHeaders(shareToken),
      });
      return { ...answer, sourceState: decodeState(answer.sourceState) };
    },
    staleTime: 0,
    gcTime: 0,
  });
}

/** The archived maps of the caller's workspaces (a list of their own, asked for when shown). */
export function useArchivedMaps(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.maps.archived,
    queryFn: async ({ signal }) =>
      (await call(routes.maps.list, { query: { status: 'archived' }, signal })).maps,
    enabled,
  });
}
