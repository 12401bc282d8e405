import { QueryClient, type QueryFilters } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/** Server errors that may pass on their own (a restart, the database for a moment). */
const MAX_RETRIES = 2;
const isTransient = (error: unknown) =>
  error instanceof ApiError && (error.status >= 500 || error.code === 'UNEXPECTED_RESPONSE');

/**
 * The app's one QueryClient (tests make a fresh one each).
 *
 * `networkMode: 'always'`: TanStack's default ('online') *pauses* queries and
 * mutations while the browser says it is offline. The offline boot needs the
 * opposite: the request must run and fail with NETWORK_ERROR (status 0), so
 * the hooks can answer with what this device last saw (offline/last-known.ts)
 * and a mutation can say "Could not reach the server" instead of hanging.
 * Coming back online still refetches (`refetchOnReconnect`), which replaces
 * the device's copy with the server's.
 *
 * Retries: only transient server failures, twice. Never 4xx (the answer won't
 * change) and never NETWORK_ERROR (the device's copy answers at once instead).
 */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        retry:
          options.retry === false
            ? false
            : (count, error) => count < MAX_RETRIES && isTransient(error),
        // Several components read the same lists; don't refetch for each mount.
        staleTime: 10_000,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/**
 * Refetches what a change made stale (after a write, or when a map event says
 * so). A plain `invalidateQueries` joins a first fetch still under way — one
 * that started before the change and answers without it — instead of asking
 * again: TanStack cancels a running fetch only once the query has data. A
 * link created while the share dialog's list was still loading stayed out of
 * the list. So running fetches are cancelled first; the refetch sees the change.
 * (`me` has its own: refreshMe in auth/me.ts.)
 */
export async function refetchChanged(client: QueryClient, filters: QueryFilters): Promise<void> {
  // Stale at once, for whatever reads the cache next (before anything awaits).
  const marked = client.invalidateQueries({ ...filters, refetchType: 'none' });
  // Only what is on screen: a one-off `fetchQuery` (an export) isn't cut short.
  await client.cancelQueries({ ...filters, type: 'active' });
  await Promise.all([marked, client.invalidateQueries(filters)]);
}
