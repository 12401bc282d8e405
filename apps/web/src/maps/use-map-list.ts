import {
  routes,
  type TCreateMapRequest,
  type TImportMapRequest,
  type TJourneyMap,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call, errorMessage } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useRefetchWhenOnline } from '../api/use-refetch-when-online.ts';
import { signedInMe } from '../auth/me.ts';
import { isNetworkError, lastKnown } from '../offline/last-known.ts';

export type MapListState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly maps: readonly TJourneyMap[] }
  /**
   * No network: the maps this account opened on this device (the ones whose
   * board can open offline), as last seen (offline/last-known.ts).
   */
  | { readonly status: 'offline'; readonly maps: readonly TJourneyMap[] };

interface MapList {
  readonly maps: readonly TJourneyMap[];
  readonly fromDevice: boolean;
}

async function loadMapList(client: QueryClient, signal: AbortSignal): Promise<MapList> {
  try {
    return { maps: (await call(routes.maps.list, { signal })).maps, fromDevice: false };
  } catch (error) {
    const me = signedInMe(client);
    if (isNetworkError(error) && me) return { maps: lastKnown.maps(me), fromDevice: true };
    throw error;
  }
}

/**
 * The map list and the calls that change it. Each change updates the cached
 * list from the server's answer; failures reject with an ApiError for the
 * caller to show next to the control that caused it.
 */
export function useMapList() {
  const queryClient = useQueryClient();
  const key = queryKeys.maps.list();
  const query = useQuery({
    queryKey: key,
    queryFn: ({ client, signal }) => loadMapList(client, signal),
  });
  useRefetchWhenOnline(query.data?.fromDevice === true, query.refetch);

  const updateMaps = (fn: (maps: readonly TJourneyMap[]) => readonly TJourneyMap[]) =>
    queryClient.setQueryData<MapList>(key, (list) =>
      list && !list.fromDevice ? { ...list, maps: fn(list.maps) } : list,
    );

  const create = useMutation({
    mutationFn: (input: TCreateMapRequest) => call(routes.maps.create, { body: input }),
    onSuccess: (map) => updateMaps((maps) => [map, ...maps]),
  });
  const importMap = useMutation({
    mutationFn: (input: TImportMapRequest) => call(routes.maps.import, { body: input }),
    onSuccess: (map) => updateMaps((maps) => [map, ...maps]),
  });
  const rename = useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      call(routes.maps.update, { params: { id }, body: { title } }),
    onSuccess: (map) => {
      updateMaps((maps) => maps.map((item) => (item.id === map.id ? map : item)));
      queryClient.setQueryData(queryKeys.maps.one(map.id), { map });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.maps.remove, { params: { id } }),
    onSuccess: (_nothing, id) => {
      updateMaps((maps) => maps.filter((item) => item.id !== id));
      queryClient.removeQueries({ queryKey: queryKeys.maps.one(id) });
    },
  });

  const state: MapListState = query.data
    ? query.data.fromDevice
      ? { status: 'offline', maps: query.data.maps }
      : { status: 'ready', maps: query.data.maps }
    : query.error && !query.isFetching
      ? { status: 'error', message: errorMessage(query.error) }
      : { status: 'loading' };

  return {
    state,
    reload: () => void query.refetch(),
    create: create.mutateAsync,
    importMap: importMap.mutateAsync,
    rename: (id: string, title: string) => rename.mutateAsync({ id, title }).then(() => undefined),
    remove: (id: string) => remove.mutateAsync(id).then(() => undefined),
  };
}
