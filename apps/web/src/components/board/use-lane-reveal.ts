import { useEffect, useRef, useState } from 'react';

/** Boards with more cards than this render lanes progressively; smaller boards render at once. */
export const LAZY_REVEAL_THRESHOLD = 300;

type IdleHandle = number;
const requestIdle = (fn: () => void): IdleHandle =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(fn, { timeout: 1500 })
    : window.setTimeout(fn, 50);
const cancelIdle = (handle: IdleHandle) =>
  typeof cancelIdleCallback === 'function'
    ? cancelIdleCallback(handle)
    : window.clearTimeout(handle);

/**
 * Whether a lane shows its cards yet. On a large board a lane renders its
 * cards as soon as it comes near the viewport, and otherwise when the
 * browser is idle, so the first paint only pays for what is on screen.
 * Once shown, a lane stays shown.
 */
export function useLaneReveal(lazy: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [revealed, setRevealed] = useState(!lazy);

  useEffect(() => {
    if (revealed) return;
    const element = ref.current;
    const reveal = () => setRevealed(true);
    if (!element || typeof IntersectionObserver === 'undefined') {
      reveal();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) reveal();
      },
      { rootMargin: '400px' },
    );
    observer.observe(element);
    const idle = requestIdle(reveal);
    return () => {
      observer.disconnect();
      cancelIdle(idle);
    };
  }, [revealed]);

  return { ref, revealed };
}
