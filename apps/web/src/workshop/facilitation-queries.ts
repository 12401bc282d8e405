import { routes, type TFacilitation, type TViewport } from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { call } from '../api/client.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { queryKeys } from '../api/query-keys.ts';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';
import { usePassed } from './use-passed.ts';

/**
 * The open map's facilitation state ("Bring everyone to me", the spotlit
 * stage): loaded after every `ready` of the map event stream, kept current by
 * its `facilitation` events. Server-authoritative: never changed locally.
 */
export function useFacilitation(): TFacilitation | undefined {
  return useFacilitationQuery().data;
}

function useFacilitationQuery() {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  const live = useStreamLive();
  return useQuery({
    queryKey: queryKeys.maps.facilitation(mapId ?? ''),
    queryFn: ({ signal }) =>
      call(routes.facilitation.get, {
        params: { id: mapId ?? '' },
        signal,
        ...shareHeaders(shareToken),
      }),
    enabled: mapId !== null && live,
    staleTime: Infinity,
  });
}

/**
 * The summon while its lease runs, and whether this person leads it. A
 * summon lapses `lapsesInMs` after its state arrived (the query's
 * `dataUpdatedAt`) unless a renewal came since (SUMMON_LEASE_MS): then it is
 * over here without an event, as the server reads it for whoever loads the map
 * later.
 */
export function useSummon(myUserId: string | null): {
  readonly summon: TFacilitation['summon'];
  readonly leading: boolean;
} {
  const { data, dataUpdatedAt } = useFacilitationQuery();
  const running = data?.summon ?? null;
  const lapsed = usePassed(running ? dataUpdatedAt + running.lapsesInMs : null);
  const summon = lapsed ? null : running;
  return { summon, leading: summon !== null && summon.by.userId === myUserId };
}

/**
 * A state from an event or an answer; an older revision than the cached one
 * is ignored — not even stored again, since when a state arrived times its summon's lease.
 */
export function receiveFacilitation(
  queryClient: QueryClient,
  mapId: string,
  facilitation: TFacilitation,
): void {
  const queryKey = queryKeys.maps.facilitation(mapId);
  const current = queryClient.getQueryData<TFacilitation>(queryKey);
  if (current && current.revision > facilitation.revision) return;
  queryClient.setQueryData<TFacilitation>(queryKey, facilitation);
}

/** A facilitator's controls; each answer is the new state, put into the cache at once. */
export function useFacilitationActions() {
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const queryClient = useQueryClient();
  const params = { id: mapId };
  const mutation = useMutation({
    mutationFn: (
      change: { summon: TViewport } | 'endSummon' | { spotlight: string | null },
    ): Promise<TFacilitation> => {
      if (change === 'endSummon') return call(routes.facilitation.endSummon, { params });
      if ('summon' in change) {
        return call(routes.facilitation.summon, { params, body: { viewport: change.summon } });
      }
      return call(routes.facilitation.spotlight, { params, body: { stageId: change.spotlight } });
    },
    onSuccess: (facilitation) => receiveFacilitation(queryClient, mapId, facilitation),
  });
  return { change: mutation.mutateAsync };
}

interface FollowState {
  /** The summon (its `startedAt`) this person stopped following; a new summon is followed again. */
  stoppedFollowing: string | null;
  stopFollowing: (startedAt: string) => void;
  /** The summon running (its `startedAt`, or none) when this page first had the map's facilitation state. */
  arrival: { readonly mapId: string; readonly summon: string | null } | null;
  noteArrival: (mapId: string, summon: string | null) => void;
  forgetArrival: () => void;
  /** Where this person is looking now (set by the board canvas), for "Bring everyone to me". */
  currentViewport: () => TViewport | null;
  setViewportSource: (source: () => TViewport | null) => void;
}

/** Local UI state of following a summon (this tab only). */
export const useFollowStore = create<FollowState>()((set) => ({
  stoppedFollowing: null,
  stopFollowing: (startedAt) => set({ stoppedFollowing: startedAt }),
  arrival: null,
  noteArrival: (mapId, summon) =>
    set((state) => (state.arrival?.mapId === mapId ? state : { arrival: { mapId, summon } })),
  forgetArrival: () => set({ arrival: null }),
  currentViewport: () => null,
  setViewportSource: (source) => set({ currentViewport: source }),
}));

/**
 * Whom this person follows now: the summon, unless they started it (the
 * facilitator leads, never follows) or stopped following it. Someone who only
 * watches (no `workshop.participate`: a viewer, a share link) follows a
 * summon they saw begin, not one already running when they opened the map:
 * leadership opening the link later starts on the whole board, not inside a
 * workshop that may long be over. People taking part are brought along
 * whenever they arrive (a reload mid-workshop keeps following).
 */
export function useFollowedSummon(myUserId: string | null): TFacilitation['summon'] {
  const { summon } = useSummon(myUserId);
  const stopped = useFollowStore((state) => state.stoppedFollowing);
  const arrival = useFollowStore((state) => state.arrival);
  const mapId = useMapEventStore((state) => state.mapId);
  const participates = useCan('workshop.participate');
  if (!summon || summon.by.userId === myUserId || summon.startedAt === stopped) return null;
  const runningOnArrival = arrival?.mapId !== mapId || arrival?.summon === summon.startedAt;
  if (!participates && runningOnArrival) return null;
  return summon;
}
