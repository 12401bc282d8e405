import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../api/query-client.ts';

/**
 * Wraps a rendered tree in a fresh QueryClient (nothing cached between
 * tests). No retries: a test that answers 503 wants to see the error at once.
 */
export function withQueries(ui: ReactNode): ReactNode {
  return (
    <QueryClientProvider client={createQueryClient({ retry: false })}>{ui}</QueryClientProvider>
  );
}
