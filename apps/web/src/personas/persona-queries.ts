import {
  routes,
  type TMapPersonasEvent,
  type TCreatePersonaRequest,
  type TUpdatePersonaRequest,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { isWorkspacePersonas, queryKeys } from '../api/query-keys.ts';
import { refetchChanged } from '../api/query-client.ts';
import { shareHeaders, useMapEventStore } from '../map-events/map-event-store.ts';

/** The workspace's personas, with the maps each is linked to. */
export function usePersonas(workspaceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.workspaces.personas(workspaceId ?? ''),
    queryFn: async ({ signal }) =>
      (await call(routes.personas.list, { params: { id: workspaceId ?? '' }, signal })).personas,
    enabled: Boolean(workspaceId),
  });
}

/**
 * The personas linked to one map, primary first: with the credentials of the
 * page's map event stream (a share link's token too), so asked only once that
 * stream is for this map.
 */
export function useMapPersonas(mapId: string) {
  const credentialsFor = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  return useQuery({
    queryKey: queryKeys.maps.personas(mapId),
    queryFn: async ({ signal }) =>
      (
        await call(routes.personas.listForMap, {
          params: { id: mapId },
          signal,
          ...shareHeaders(shareToken),
        })
      ).personas,
    enabled: mapId !== '' && credentialsFor === mapId,
  });
}

/**
 * Creating, changing and deleting personas. A persona carries the ids of the
 * maps it is linked to, and a map its personas: a change refreshes both.
 */
export function usePersonaActions(workspaceId: string) {
  const queryClient = useQueryClient();
  const onSuccess = async () => {
    await refetchChanged(queryClient, { queryKey: queryKeys.workspaces.personas(workspaceId) });
    await refetchChanged(queryClient, { queryKey: queryKeys.maps.all });
  };
  const create = useMutation({
    mutationFn: (input: TCreatePersonaRequest) =>
      call(routes.personas.create, { params: { id: workspaceId }, body: input }),
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: TUpdatePersonaRequest }) =>
      call(routes.personas.update, { params: { id }, body: input }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.personas.remove, { params: { id } }),
    onSuccess,
  });
  return {
    create: create.mutateAsync,
    update: (id: string, input: TUpdatePersonaRequest) => update.mutateAsync({ id, input }),
    remove: remove.mutateAsync,
  };
}

/** Replaces the map's linked personas (and which one is primary). */
export function useSetMapPersonas(mapId: string, workspaceId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personaIds, primaryId }: { personaIds: string[]; primaryId: string | null }) =>
      call(routes.personas.setForMap, { params: { id: mapId }, body: { personaIds, primaryId } }),
    onSuccess: async ({ personas }) => {
      queryClient.setQueryData(queryKeys.maps.personas(mapId), personas);
      // Each persona lists its maps: the workspace's list changed too.
      if (workspaceId) {
        await refetchChanged(queryClient, {
          queryKey: queryKeys.workspaces.personas(workspaceId),
        });
      }
    },
  }).mutateAsync;
}

/**
 * A `map-personas` event: the map's linked personas as they are now. Each
 * persona lists its maps, so the workspace's persona list (the Personas
 * page, the link picker) is read again too — whichever workspace it is.
 */
export function receiveMapPersonas(
  queryClient: QueryClient,
  mapId: string,
  event: TMapPersonasEvent,
): void {
  queryClient.setQueryData(queryKeys.maps.personas(mapId), event.personas);
  void refetchChanged(queryClient, { predicate: isWorkspacePersonas });
}
