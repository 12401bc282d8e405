import {
  ERROR_CATALOGUE,
  routes,
  type TJourneyMap,
  type TMapDetailsEvent,
  type TOpenShareLinkResponse,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, call, errorMessage } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useRefetchWhenOnline } from '../api/use-refetch-when-online.ts';
import { signedInMe } from '../auth/me.ts';
import { isNetworkError, lastKnown } from '../offline/last-known.ts';
import { refetchChanged } from '../api/query-client.ts';

export type JourneyMapState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly map: TJourneyMap;
      /** The server was unreachable: the last metadata this account saw on this device. */
      readonly fromDevice?: boolean;
    }
  | { readonly status: 'not-found'; readonly message: string }
  /** No network, and this account never opened the map on this device. */
  | { readonly status: 'unavailable-offline'; readonly message: string }
  | { readonly status: 'error'; readonly message: string };

export const UNAVAILABLE_OFFLINE_MESSAGE =
  'This map isn’t saved on this device yet. Connect to the internet to open it.';

/** What the map query holds: the server's answer, or this device's copy of it. */
export interface CachedMap {
  readonly map: TJourneyMap;
  readonly fromDevice?: boolean;
}

const isNotFound = (error: unknown) =>
  error instanceof ApiError && (error.code === 'MAP_NOT_FOUND' || error.status === 404);

async function loadMap(
  client: QueryClient,
  mapId: string,
  signal: AbortSignal,
): Promise<CachedMap> {
  try {
    const map = await call(routes.maps.get, { params: { id: mapId }, signal });
    remember(client, map);
    return { map };
  } catch (error) {
    if (isNotFound(error)) lastKnown.forgetMap(mapId);
    const me = signedInMe(client);
    const kept = isNetworkError(error) && me ? lastKnown.map(me, mapId) : null;
    if (kept) return { map: kept, fromDevice: true };
    throw error;
  }
}

/** A map's REST metadata (title, description) for the board page, with renaming. */
export function useJourneyMap(mapId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.maps.one(mapId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ client, signal }) => loadMap(client, mapId, signal),
    // A 404 or no network won't change by asking again at once.
    retry: false,
  });
  const offline = query.data?.fromDevice === true || isNetworkError(query.error);
  useRefetchWhenOnline(offline, query.refetch);
  const [renameError, setRenameError] = useState<string | null>(null);

  /** Shows the new title at once and puts the old one back if the server refuses. */
  const rename = useMutation({
    mutationFn: (title: string) =>
      call(routes.maps.update, { params: { id: mapId }, body: { title } }),
    onMutate: (title) => {
      setRenameError(null);
      const previous = queryClient.getQueryData<CachedMap>(key);
      if (previous) queryClient.setQueryData<CachedMap>(key, { map: { ...previous.map, title } });
      return { previous };
    },
    onError: (error, _title, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      setRenameError(errorMessage(error));
    },
    onSuccess: (map) => {
      remember(queryClient, map);
      queryClient.setQueryData<CachedMap>(key, { map });
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.list() });
    },
  });

  return {
    state: toState(query.data, query.error, query.isFetching),
    rename: async (title: string) => {
      if (!query.data) return;
      await rename.mutateAsync(title).catch(() => undefined);
    },
    renameError,
    dismissRenameError: () => setRenameError(null),
  };
}

function toState(data: CachedMap | undefined, error: unknown, fetching: boolean): JourneyMapState {
  if (data)
    return { status: 'ready', map: data.map, ...(data.fromDevice ? { fromDevice: true } : {}) };
  if (!error || fetching) return { status: 'loading' };
  if (isNotFound(error)) return { status: 'not-found', message: errorMessage(error) };
  if (isNetworkError(error)) {
    return { status: 'unavailable-offline', message: UNAVAILABLE_OFFLINE_MESSAGE };
  }
  return { status: 'error', message: errorMessage(error) };
}

/** Kept for a reload without network, under the account that saw it. */
function remember(client: QueryClient, map: TJourneyMap): void {
  const me = signedInMe(client);
  if (me) lastKnown.rememberMap(me, map);
}

/**
 * A `map-details` event (someone renamed the map, in another tab or on
 * another device): the board page's copy takes the new title and
 * description, unless it already holds a newer map; the lists are marked stale.
 */
export function receiveMapDetails(
  queryClient: QueryClient,
  mapId: string,
  event: TMapDetailsEvent,
): void {
  const { title, description, updatedAt } = event;
  const renamed = <T extends TJourneyMap>(map: T): T =>
    Date.parse(map.updatedAt) <= Date.parse(updatedAt)
      ? { ...map, title, description, updatedAt }
      : map;
  queryClient.setQueryData<CachedMap>(queryKeys.maps.one(mapId), (cached) =>
    cached ? { ...cached, map: renamed(cached.map) } : cached,
  );
  // A share link's page shows the map its link opened (`useOpenShareLink`).
  queryClient.setQueriesData<TOpenShareLinkResponse>({ queryKey: ['share-link'] }, (link) =>
    link?.map.id === mapId ? { ...link, map: renamed(link.map) } : link,
  );
  void refetchChanged(queryClient, { queryKey: queryKeys.maps.list() });
  void refetchChanged(queryClient, { queryKey: ['maps', 'search'] });
}

export const MAP_NOT_FOUND_MESSAGE = ERROR_CATALOGUE.MAP_NOT_FOUND.message;
