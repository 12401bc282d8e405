import { routes, type TBoardLockRequest, type TMapLocks } from '@journeyboard/shared';
import { BoardLockSet, type BoardLock } from '@journeyboard/shared/board';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';

/**
 * The open map's facilitator locks: loaded after every `ready` of the map
 * event stream, kept current by its `locks` events and the facilitator's
 * answers. The server enforces them on the sync socket; the board only
 * mirrors them (lock icons, disabled controls).
 */
export function useMapLocks(): BoardLockSet {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  const live = useStreamLive();
  const data = useQuery({
    queryKey: queryKeys.maps.locks(mapId ?? ''),
    queryFn: ({ signal }) =>
      call(routes.locks.list, { params: { id: mapId ?? '' }, signal, ...shareHeaders(shareToken) }),
    enabled: mapId !== null && live,
    staleTime: Infinity,
  }).data;
  return useMemo(
    () => (data ? new BoardLockSet(data.locks as BoardLock[]) : BoardLockSet.EMPTY),
    [data],
  );
}

/** Locks from an event or an answer; an older revision than the cached one is ignored. */
export function receiveLocks(queryClient: QueryClient, mapId: string, locks: TMapLocks): void {
  queryClient.setQueryData<TMapLocks>(queryKeys.maps.locks(mapId), (current) =>
    current && current.revision > locks.revision ? current : locks,
  );
}

/** A facilitator's lock and unlock; each answer is the new set, put into the cache at once. */
export function useLockActions(mapId: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ lock, locked }: { lock: TBoardLockRequest; locked: boolean }) =>
      call(locked ? routes.locks.lock : routes.locks.unlock, {
        params: { id: mapId },
        body: lock,
      }),
    onSuccess: (locks) => receiveLocks(queryClient, mapId, locks),
  });
  return {
    setLocked: (lock: TBoardLockRequest, locked: boolean) => mutation.mutateAsync({ lock, locked }),
    pending: mutation.isPending,
  };
}
