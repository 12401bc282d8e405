import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The width CSS gives an element (content box, CSS px), kept up to date as it
 * is resized; null until measured, or while `enabled` is false.
 *
 * Measured in a ResizeObserver callback, which comes right after the
 * browser's layout and before the paint (so the first frame is already drawn
 * at the measured width), rather than by reading the layout in the commit
 * (see use-truncated.ts).
 */
export function useElementWidth(ref: RefObject<Element | null>, enabled: boolean): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return enabled ? width : null;
}
