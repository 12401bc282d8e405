import { useCallback, useSyncExternalStore } from 'react';

/**
 * Whether the window matches a CSS media query, kept up to date as the window
 * is resized — for what CSS alone can't decide (how many of something to
 * render). False where there is no `matchMedia` (tests without a layout).
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const read = useCallback(
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    [query],
  );
  return useSyncExternalStore(subscribe, read);
}
