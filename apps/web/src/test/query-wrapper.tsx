import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../api/query-client.ts';
import { meQuery, type CachedMe } from '../auth/me.ts';

let seededMe: CachedMe | undefined;

/**
 * What /api/me has already answered in the trees `withQueries` renders from
 * now on, in this test (as RequireAccount would have asked before the page
 * showed): `{ me }`, `{ me, fromDevice: true }`, or `null` for nobody.
 * Reset after every test (setup.ts).
 */
export function seedMe(cached: CachedMe | undefined): void {
  seededMe = cached;
}

/**
 * Wraps a rendered tree in a fresh QueryClient (nothing cached between
 * tests but what `seedMe` put there). No retries: a test that answers 503
 * wants to see the error at once.
 */
export function withQueries(ui: ReactNode): ReactNode {
  const client = createQueryClient({ retry: false });
  if (seededMe !== undefined) client.setQueryData(meQuery.queryKey, seededMe);
  return <QueryClientProvider client={client}>{ui}</QueryClientProvider>;
}
