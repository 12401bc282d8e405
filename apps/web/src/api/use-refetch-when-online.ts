import { useEffect } from 'react';

/**
 * While `waiting` (an answer came from this device, or nothing could), ask
 * the server again as soon as the browser is back online. Not left to
 * TanStack's `refetchOnReconnect`: its online manager only reacts to a
 * *change*, and a page that booted offline never saw one.
 */
export function useRefetchWhenOnline(waiting: boolean, refetch: () => unknown): void {
  useEffect(() => {
    if (!waiting) return;
    const onOnline = () => void refetch();
    window.addEventListener('online', onOnline, { once: true });
    return () => window.removeEventListener('online', onOnline);
  }, [waiting, refetch]);
}
