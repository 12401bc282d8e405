import { routes, type TMeResponse } from '@journeyboard/shared';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, call, errorMessage } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useRefetchWhenOnline } from '../api/use-refetch-when-online.ts';
import { forgetDeviceCopies } from '../offline/device-copies.ts';
import { isNetworkError, lastKnown } from '../offline/last-known.ts';

/**
 * What the `me` query holds: who is signed in, or `null` when nobody is (the
 * server said 401). `fromDevice`: the server was unreachable and `me` is the
 * last answer kept on this device (offline/last-known.ts) — show what this
 * device has, and wait for the server before trusting anything else.
 */
export type CachedMe =
  | { readonly me: TMeResponse; readonly fromDevice?: boolean }
  /** Nobody: a workshop guest whose link was closed or ran out, and the server's words for it. */
  | { readonly me: null; readonly ended: string }
  | null;

/**
 * GET /api/me. Like the map queries, the device's copy is what the query
 * *returns* when the request never reached the server; any answer from the
 * server wins, and a 401 forgets everything this device kept.
 */
async function loadMe(signal: AbortSignal): Promise<CachedMe> {
  try {
    const me = await call(routes.auth.me, { signal });
    lastKnown.rememberMe(me);
    return { me };
  } catch (error) {
    const remembered = isNetworkError(error) ? lastKnown.me() : null;
    if (remembered) return { me: remembered, fromDevice: true };
    // The session ended (expired, signed out elsewhere): nothing of it may be shown offline.
    if (error instanceof ApiError && error.status === 401) {
      // An account was signed in here: its maps go too (not a share link's, which never was).
      if (lastKnown.me()) void forgetDeviceCopies();
      lastKnown.forgetAll();
      return error.code === 'WORKSHOP_ACCESS_ENDED' ? { me: null, ended: error.message } : null;
    }
    throw error;
  }
}

/**
 * Who is signed in: one query for the whole app. Asked once, then again
 * only when something changes it (signing in or out, joining a workspace,
 * the network coming back after a device answer): `refreshMe`.
 */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => loadMe(signal),
  staleTime: Infinity,
});

/**
 * For code outside React (query functions, the sync session): who is signed
 * in as far as this tab knows, without asking. Pages that need an account
 * sit under RequireAccount, which has asked by then.
 */
export function signedInMe(client: QueryClient): TMeResponse | null {
  return client.getQueryData(meQuery.queryKey)?.me ?? null;
}

/** Asks the server again now (a request already under way is replaced). Rejects like a query. */
export async function refreshMe(client: QueryClient): Promise<CachedMe> {
  await client.cancelQueries({ queryKey: meQuery.queryKey, exact: true });
  return client.fetchQuery({ ...meQuery, staleTime: 0 });
}

/**
 * The session can end while pages are open (signed out in another tab,
 * expired): a request of an account's that the server answers 401 asks `me`
 * again, so RequireAccount takes the person to sign in — instead of a page
 * reading the refusal as "not found" under a header that still shows their
 * name. (A board already shown stays: it says why it became view-only, see
 * RequireAccount's `keepOnceShown`.) Workshop guests and link viewers are
 * left alone. Set up once, with the app's client.
 */
export function watchForEndedSession(client: QueryClient): () => void {
  const askAgainOn = (error: unknown) => {
    const ended =
      error instanceof ApiError && error.status === 401 && signedInMe(client)?.kind === 'user';
    if (ended) void refreshMe(client).catch(() => undefined /* the me query shows it */);
  };
  const stopQueries = client.getQueryCache().subscribe((event) => {
    const isMe = (event.query.queryKey as readonly unknown[])[0] === queryKeys.me[0];
    if (event.type === 'updated' && event.action.type === 'error' && !isMe) {
      askAgainOn(event.action.error);
    }
  });
  const stopMutations = client.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') askAgainOn(event.action.error);
  });
  return () => {
    stopQueries();
    stopMutations();
  };
}

/**
 * Someone else is asking from now on (signed in, up, out, or into a
 * workshop): every cached answer but `me` belonged to the previous person.
 * `me` itself is replaced in place, so the components showing it update.
 */
export function forgetEverythingButMe(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
}

export type AuthState =
  | { readonly status: 'loading' }
  /** `ended`: a workshop guest's access ended; why, to say instead of asking to sign in. */
  | { readonly status: 'anonymous'; readonly ended?: string }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'signed-in'; readonly me: TMeResponse; readonly fromDevice?: boolean };

/** Who is signed in, for components; asks the server again when the network is back. */
export function useAuth(): AuthState {
  const client = useQueryClient();
  const { data, error, isFetching } = useQuery(meQuery);
  // Deduplicated: every component showing `me` registers this, one request goes out.
  const askAgain = useCallback(
    () =>
      void client
        .fetchQuery({ ...meQuery, staleTime: 0 })
        .catch(() => undefined /* the query shows it */),
    [client],
  );
  useRefetchWhenOnline(Boolean(data?.me && data.fromDevice), askAgain);
  if (data?.me)
    return { status: 'signed-in', me: data.me, ...(data.fromDevice ? { fromDevice: true } : {}) };
  if (data === null) return { status: 'anonymous' };
  if (data) return { status: 'anonymous', ended: data.ended };
  if (error && !isFetching) return { status: 'error', message: errorMessage(error) };
  return { status: 'loading' };
}

/**
 * Whether "All maps" leads anywhere for this person: not for a workshop guest,
 * who has only the map they joined (it would be the sign-in page).
 */
export function useHasMapList(): boolean {
  return useWorkshopGuest() === null;
}

/** The signed-in account (not a workshop guest), or null. */
export function useAccount(): Extract<TMeResponse, { kind: 'user' }> | null {
  const auth = useAuth();
  return auth.status === 'signed-in' && auth.me.kind === 'user' ? auth.me : null;
}

/** The workshop participant (no account, one map through a workshop link), or null. */
export function useWorkshopGuest(): Extract<TMeResponse, { kind: 'guest' }>['guest'] | null {
  const auth = useAuth();
  return auth.status === 'signed-in' && auth.me.kind === 'guest' ? auth.me.guest : null;
}
