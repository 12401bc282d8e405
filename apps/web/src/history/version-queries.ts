import {
  routes,
  type TActivityWrittenEvent,
  type TBoardVersion,
  type TChangesResponse,
  type TVersionEvent,
} from '@journeyboard/shared';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { decodeState } from '../board/history-preview.ts';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';
import { refetchChanged } from '../api/query-client.ts';
import { asOwnServerChange } from '../board/own-server-changes.ts';

/** The map and link the page's event stream is for: history calls use the same credentials. */
export function useHistoryTarget() {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  // '' while the board page still waits for the map's id (nothing to ask the server about yet).
  return { mapId: mapId ?? '', headers: shareHeaders(shareToken), known: Boolean(mapId) };
}

/** The map's versions, newest first: loaded after every `ready`, kept current by version events. */
export function useVersions() {
  const { mapId, headers, known } = useHistoryTarget();
  const live = useStreamLive();
  return useQuery({
    queryKey: queryKeys.maps.versions(mapId),
    queryFn: async ({ signal }) =>
      (await call(routes.versions.list, { params: { id: mapId }, signal, ...headers })).versions,
    enabled: known && live,
    staleTime: Infinity,
  });
}

/** One version's board as bytes (null id: nothing to load). Immutable, so loaded once. */
export function useVersionState(versionId: string | null) {
  const { mapId, headers, known } = useHistoryTarget();
  return useQuery({
    queryKey: queryKeys.maps.version(mapId, versionId ?? ''),
    queryFn: async ({ signal }) => {
      const answer = await call(routes.versions.get, {
        params: { id: mapId, versionId: versionId ?? '' },
        signal,
        ...headers,
      });
      return { version: answer.version, state: decodeState(answer.state) };
    },
    enabled: known && versionId !== null,
    staleTime: Infinity,
  });
}

/** The version "since the last review" compares with; null while the map has none. */
export function useLastReview() {
  const { mapId, headers, known } = useHistoryTarget();
  return useQuery({
    queryKey: queryKeys.maps.lastReview(mapId),
    queryFn: async ({ signal }) =>
      (await call(routes.versions.lastReview, { params: { id: mapId }, signal, ...headers }))
        .version,
    enabled: known,
    staleTime: Infinity,
  });
}

/** What changed between two points (see routes.history.changes). */
export function useChanges(from: string, to: string) {
  const { mapId, headers, known } = useHistoryTarget();
  return useQuery<TChangesResponse>({
    queryKey: queryKeys.maps.changes(mapId, from, to),
    queryFn: ({ signal }) =>
      call(routes.history.changes, {
        params: { id: mapId },
        query: { from, to },
        signal,
        ...headers,
      }),
    enabled: known,
    staleTime: to === 'now' ? 0 : Infinity,
  });
}

/**
 * Records this visit once per board opening (the query is shared, so asking
 * again reads the answer); answers the visit before it (null: none
 * remembered — a first visit, a workshop guest, a share link).
 */
export function usePreviousVisit(): string | null {
  const { mapId, headers, known } = useHistoryTarget();
  return (
    useQuery({
      queryKey: queryKeys.maps.visit(mapId),
      queryFn: async () =>
        (await call(routes.history.visit, { params: { id: mapId }, ...headers })).previousVisitAt,
      enabled: known,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? null
  );
}

/** For the board page: records the visit when it opens; leaving it ends the visit here. */
export function useRecordVisit(): void {
  const { mapId } = useHistoryTarget();
  const queryClient = useQueryClient();
  usePreviousVisit();
  useEffect(
    () => () => queryClient.removeQueries({ queryKey: queryKeys.maps.visit(mapId) }),
    [mapId, queryClient],
  );
}

function addVersion(queryClient: QueryClient, mapId: string, version: TBoardVersion): void {
  queryClient.setQueryData<TBoardVersion[]>(queryKeys.maps.versions(mapId), (current) =>
    current
      ? [version, ...current.filter((known) => known.id !== version.id)].sort((a, b) =>
          b.createdAt.localeCompare(a.createdAt),
        )
      : current,
  );
}

/** A version event from the map's stream, into the cache. */
export function receiveVersionEvent(
  queryClient: QueryClient,
  mapId: string,
  event: TVersionEvent,
): void {
  if (event.type === 'version-created') {
    addVersion(queryClient, mapId, event.version);
    // A review (or a first named version) moves "since the last review" (the briefing).
    if (event.version.kind === 'named') {
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.lastReview(mapId) });
    }
    return;
  }
  addVersion(queryClient, mapId, event.before);
  // Comparisons with "now" are out of date.
  void refetchChanged(queryClient, { queryKey: ['maps', 'one', mapId, 'changes'] });
}

/** Name the board as it is now; restore a version (everyone connected gets it live). */
export function useVersionActions() {
  const { mapId } = useHistoryTarget();
  const queryClient = useQueryClient();
  const name = useMutation({
    mutationFn: (versionName: string) =>
      call(routes.versions.create, { params: { id: mapId }, body: { name: versionName } }),
    onSuccess: (version) => addVersion(queryClient, mapId, version),
  });
  const restore = useMutation({
    mutationFn: (versionId: string) =>
      asOwnServerChange(call(routes.versions.restore, { params: { id: mapId, versionId } })),
    onSuccess: (result) =>
      receiveVersionEvent(queryClient, mapId, { type: 'version-restored', ...result }),
  });
  return { name: name.mutateAsync, restore: restore.mutateAsync };
}

export interface ActivityFilter {
  readonly authorId?: string | undefined;
  readonly stageId?: string | undefined;
  readonly cardId?: string | undefined;
}

/** The map's activity feed, newest first, a page at a time (refetched after every `ready`). */
export function useActivity(filter: ActivityFilter, options: { enabled?: boolean } = {}) {
  const { mapId, headers, known } = useHistoryTarget();
  const query = {
    ...(filter.authorId ? { authorId: filter.authorId } : {}),
    ...(filter.stageId ? { stageId: filter.stageId } : {}),
    ...(filter.cardId ? { cardId: filter.cardId } : {}),
  };
  return useInfiniteQuery({
    queryKey: queryKeys.maps.activity(mapId, query),
    queryFn: ({ pageParam, signal }) =>
      call(routes.history.activity, {
        params: { id: mapId },
        query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
        ...headers,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: known && (options.enabled ?? true),
    // Kept current by `activity-written` events (receiveActivityWritten), not by polling.
    staleTime: Infinity,
  });
}

/** A map's activity is refetched at most this often (receiveActivityWritten). */
export const ACTIVITY_REFETCH_INTERVAL_MS = 1_000;

interface ActivityRefetch {
  lastAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** The cards named since the last refetch; null: any card may have changed. */
  cardIds: Set<string> | null;
}

const activityRefetches = new WeakMap<QueryClient, Map<string, ActivityRefetch>>();

/**
 * The server wrote activity entries: refetch what shows them — the feed
 * (any filter but a card) and the bylines of the cards the event names. While
 * people type, entries are written every flush (200 ms) and every open feed
 * would refetch with each, so a map's activity is refetched at most once per
 * ACTIVITY_REFETCH_INTERVAL_MS: the first event at once, the ones after it
 * together at the end of the interval.
 */
export function receiveActivityWritten(
  queryClient: QueryClient,
  mapId: string,
  event: TActivityWrittenEvent,
): void {
  const byMap = activityRefetches.get(queryClient) ?? new Map<string, ActivityRefetch>();
  activityRefetches.set(queryClient, byMap);
  const pending = byMap.get(mapId) ?? { lastAt: -Infinity, timer: null, cardIds: new Set() };
  byMap.set(mapId, pending);
  pending.cardIds =
    event.cardIds && pending.cardIds ? new Set([...pending.cardIds, ...event.cardIds]) : null;
  if (pending.timer) return;
  const refetch = () => {
    pending.timer = null;
    pending.lastAt = Date.now();
    const named = pending.cardIds;
    pending.cardIds = new Set();
    refetchActivity(queryClient, mapId, named);
  };
  const wait = pending.lastAt + ACTIVITY_REFETCH_INTERVAL_MS - Date.now();
  if (wait <= 0) refetch();
  else pending.timer = setTimeout(refetch, wait);
}

function refetchActivity(
  queryClient: QueryClient,
  mapId: string,
  named: ReadonlySet<string> | null,
): void {
  void refetchChanged(queryClient, {
    queryKey: ['maps', 'one', mapId, 'activity'],
    predicate: (query) => {
      const filter = query.queryKey[4] as ActivityFilter | undefined;
      return !filter?.cardId || named === null || named.has(filter.cardId);
    },
  });
}
