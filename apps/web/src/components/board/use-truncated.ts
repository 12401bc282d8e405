import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the first child of `ref` (the text: a line-clamped button or
 * heading) is cut short: measured once laid out and again whenever it is
 * resized.
 *
 * Measured in a ResizeObserver callback (its first comes right after the
 * browser's own layout, before the paint), not in the layout effect: a
 * measure there forces the style and layout of the whole page in the middle
 * of React's commit, and anything the commit changes after it (the board's
 * zoom) makes the browser do them again — ~60 ms on the first render of a
 * board, for twelve stage titles.
 */
export function useTruncated(ref: RefObject<HTMLElement | null>, text: string): boolean {
  const [truncated, setTruncated] = useState(false);
  useLayoutEffect(() => {
    const holder = ref.current;
    const element = holder?.firstElementChild;
    if (!(element instanceof HTMLElement)) return;
    const measure = () =>
      setTruncated(
        element.scrollHeight > element.clientHeight + 1 ||
          element.scrollWidth > element.clientWidth + 1,
      );
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, text]);
  return truncated;
}
