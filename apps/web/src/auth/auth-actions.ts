import { routes, type TLoginRequest, type TSignupRequest } from '@journeyboard/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { useAuthStore } from './auth-store.ts';

/**
 * Signing in, up, out or into a workshop changes who is asking: every cached
 * answer belonged to the previous person, so the cache is emptied before
 * /api/me is asked again.
 */
export function useAuthActions() {
  const queryClient = useQueryClient();
  const startOver = async () => {
    queryClient.clear();
    await useAuthStore.getState().load();
  };
  const logIn = useMutation({
    mutationFn: (input: TLoginRequest) => call(routes.auth.logIn, { body: input }),
    onSuccess: startOver,
  });
  const signUp = useMutation({
    mutationFn: (input: TSignupRequest) => call(routes.auth.signUp, { body: input }),
    onSuccess: startOver,
  });
  const joinWorkshop = useMutation({
    mutationFn: (input: { token: string; name: string }) =>
      call(routes.sharing.joinWorkshop, { body: input }),
    onSuccess: startOver,
  });
  const signOut = async () => {
    await useAuthStore.getState().signOut();
    queryClient.clear();
  };
  return {
    logIn: logIn.mutateAsync,
    signUp: signUp.mutateAsync,
    joinWorkshop: joinWorkshop.mutateAsync,
    signOut,
  };
}
