import { routes, type TLoginRequest, type TSignupRequest } from '@journeyboard/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { meQuery, forgetEverythingButMe, refreshMe } from './me.ts';
import { useWorkspaceStore } from './workspace-store.ts';
import { lastKnown } from '../offline/last-known.ts';
import { forgetDeviceCopies } from '../offline/device-copies.ts';
import { commentDrafts } from '../state/comment-drafts.ts';
import { forgetCanvases } from '../state/canvas-storage.ts';

/**
 * Signing in, up, out or into a workshop changes who is asking: every cached
 * answer belonged to the previous person, so the cache is emptied and
 * /api/me asked again.
 */
export function useAuthActions() {
  const queryClient = useQueryClient();
  const startOver = async () => {
    forgetEverythingButMe(queryClient);
    // Signed in either way; if /api/me fails now, the next page says so and offers to retry.
    await refreshMe(queryClient).catch(() => undefined);
  };
  const logIn = useMutation({
    mutationFn: (input: TLoginRequest) => call(routes.auth.logIn, { body: input }),
    onSuccess: startOver,
  });
  const signUp = useMutation({
    mutationFn: (input: TSignupRequest) => call(routes.auth.signUp, { body: input }),
    onSuccess: async ({ joinedWorkspaceId }) => {
      // Invited: the team's workspace, not the new (empty) personal one.
      if (joinedWorkspaceId) useWorkspaceStore.getState().setWorkspace(joinedWorkspaceId);
      await startOver();
    },
  });
  const joinWorkshop = useMutation({
    mutationFn: (input: { token: string; name: string }) =>
      call(routes.sharing.joinWorkshop, { body: input }),
    onSuccess: startOver,
  });
  const signOut = async () => {
    // Forgotten even if the request fails: the person asked for this device to let go.
    lastKnown.forgetAll();
    forgetCanvases();
    commentDrafts.forgetAll();
    await forgetDeviceCopies();
    await call(routes.auth.logOut);
    queryClient.setQueryData(meQuery.queryKey, null);
    forgetEverythingButMe(queryClient);
  };
  return {
    logIn: logIn.mutateAsync,
    signUp: signUp.mutateAsync,
    joinWorkshop: joinWorkshop.mutateAsync,
    signOut,
  };
}
