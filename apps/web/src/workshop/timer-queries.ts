import { routes, type TTimer } from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';
import { clockOffset } from './timer-clock.ts';

/** The timer as it arrived: the state, and the server's clock minus ours at that moment. */
export interface TimerSnapshot {
  readonly timer: TTimer;
  readonly offsetMs: number;
  /** Our clock when it arrived. */
  readonly receivedAt: number;
}

const snapshotOf = (timer: TTimer, receivedAt: number): TimerSnapshot => ({
  timer,
  offsetMs: clockOffset(timer.now, receivedAt),
  receivedAt,
});

/**
 * The open map's workshop timer: loaded after every `ready` of the map event
 * stream, kept current by its `timer` events and the facilitator's answers.
 * Server-authoritative: never changed locally.
 */
export function useTimerSnapshot(): TimerSnapshot | undefined {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  const live = useStreamLive();
  return useQuery({
    queryKey: queryKeys.maps.timer(mapId ?? ''),
    queryFn: async ({ signal }) =>
      snapshotOf(
        await call(routes.timer.get, {
          params: { id: mapId ?? '' },
          signal,
          ...shareHeaders(shareToken),
        }),
        Date.now(),
      ),
    enabled: mapId !== null && live,
    staleTime: Infinity,
  }).data;
}

/** A timer state from an event or an answer; an older revision than the cached one is ignored. */
export function receiveTimer(
  queryClient: QueryClient,
  mapId: string,
  timer: TTimer,
  receivedAt = Date.now(),
): void {
  queryClient.setQueryData<TimerSnapshot>(queryKeys.maps.timer(mapId), (current) =>
    current && current.timer.revision > timer.revision ? current : snapshotOf(timer, receivedAt),
  );
}

/** A facilitator's controls; each answer is the new state, put into the cache at once. */
export function useTimerActions(mapId: string) {
  const queryClient = useQueryClient();
  const params = { id: mapId };
  const mutation = useMutation({
    mutationFn: (
      change: 'pause' | 'resume' | 'addMinute' | 'stop' | { startSeconds: number },
    ): Promise<TTimer> => {
      if (typeof change === 'object') {
        return call(routes.timer.start, { params, body: { durationSeconds: change.startSeconds } });
      }
      if (change === 'pause') return call(routes.timer.pause, { params });
      if (change === 'resume') return call(routes.timer.resume, { params });
      if (change === 'addMinute')
        return call(routes.timer.extend, { params, body: { seconds: 60 } });
      return call(routes.timer.stop, { params });
    },
    onSuccess: (timer) => receiveTimer(queryClient, mapId, timer),
  });
  return { change: mutation.mutateAsync };
}
