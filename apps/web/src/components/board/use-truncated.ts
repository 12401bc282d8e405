import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the first child of `ref` (the text: a line-clamped button or
 * heading) is cut short: measured after layout and again whenever it is
 * resized.
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
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, text]);
  return truncated;
}
