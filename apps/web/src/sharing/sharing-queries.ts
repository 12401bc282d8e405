import {
  routes,
  type TCreateShareLinkRequest,
  type TCreateWorkshopLinkRequest,
  type TUpdateShareLinkRequest,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { refetchChanged } from '../api/query-client.ts';

/** The map's active read-only links (those who may share only: others would be refused). */
export function useShareLinks(mapId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.maps.shareLinks(mapId),
    queryFn: async ({ signal }) =>
      (await call(routes.sharing.listShareLinks, { params: { id: mapId }, signal })).links,
    enabled,
  });
}

/** The map's active workshop links (those who run workshops only). */
export function useWorkshopLinks(mapId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.maps.workshopLinks(mapId),
    queryFn: async ({ signal }) =>
      (await call(routes.sharing.listWorkshopLinks, { params: { id: mapId }, signal })).links,
    enabled,
  });
}

/** Creating, changing and revoking a map's links; each refreshes its list. */
export function useLinkActions(mapId: string) {
  const queryClient = useQueryClient();
  const params = { id: mapId };
  const refreshShare = () =>
    refetchChanged(queryClient, { queryKey: queryKeys.maps.shareLinks(mapId) });
  const refreshWorkshop = () =>
    refetchChanged(queryClient, { queryKey: queryKeys.maps.workshopLinks(mapId) });
  const createShareLink = useMutation({
    mutationFn: (input: TCreateShareLinkRequest) =>
      call(routes.sharing.createShareLink, { params, body: input }),
    onSuccess: refreshShare,
  });
  const updateShareLink = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TUpdateShareLinkRequest }) =>
      call(routes.sharing.updateShareLink, { params: { id }, body: patch }),
    onSuccess: refreshShare,
  });
  const revokeShareLink = useMutation({
    mutationFn: (id: string) => call(routes.sharing.revokeShareLink, { params: { id } }),
    onSuccess: refreshShare,
  });
  const createWorkshopLink = useMutation({
    mutationFn: (input: TCreateWorkshopLinkRequest) =>
      call(routes.sharing.createWorkshopLink, { params, body: input }),
    onSuccess: refreshWorkshop,
  });
  const revokeWorkshopLink = useMutation({
    mutationFn: (id: string) => call(routes.sharing.revokeWorkshopLink, { params: { id } }),
    onSuccess: refreshWorkshop,
  });
  return {
    createShareLink: createShareLink.mutateAsync,
    updateShareLink: (id: string, patch: TUpdateShareLinkRequest) =>
      updateShareLink.mutateAsync({ id, patch }),
    revokeShareLink: revokeShareLink.mutateAsync,
    createWorkshopLink: createWorkshopLink.mutateAsync,
    revokeWorkshopLink: revokeWorkshopLink.mutateAsync,
  };
}

/** What a read-only link shows. The token travels in the body, never a URL. */
/** Which map a workshop link is for (the join page, before joining). */
export function useWorkshopLinkPreview(token: string) {
  return useQuery({
    queryKey: queryKeys.workshopLink(token),
    queryFn: () => call(routes.sharing.previewWorkshopLink, { body: { token } }),
    // An ended or revoked link stays so; asking again won't help.
    retry: false,
    staleTime: Infinity,
  });
}

/**
 * The password form of a protected link: the server sets this device's
 * unlock cookie and answers what the link shows, which becomes the page's
 * opened link (the board replaces the form, no reload).
 */
export function useUnlockShareLink(token: string) {
  const queryClient = useQueryClient();
  const unlock = useMutation({
    mutationFn: (password: string) =>
      call(routes.sharing.unlockShareLink, { body: { token, password } }),
    onSuccess: (opened) => queryClient.setQueryData(queryKeys.shareLink(token), opened),
  });
  return unlock.mutateAsync;
}

export function useOpenShareLink(token: string) {
  return useQuery({
    queryKey: queryKeys.shareLink(token),
    queryFn: () => call(routes.sharing.openShareLink, { body: { token } }),
    // An expired or revoked link stays so; asking again won't help.
    retry: false,
    staleTime: Infinity,
  });
}
