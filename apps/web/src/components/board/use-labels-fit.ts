import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether a row of labelled items (the card palette's) fits its list's width.
 * When it doesn't, the caller draws icons only; the labelled row's width is
 * remembered then, and the labels come back once the list is that wide again
 * (the side panel closed, the window widened).
 *
 * The list must take the room it is given (`flex: 1`), not its content's
 * width, so its width is the room whichever way it is drawn. Measured in a
 * ResizeObserver callback: the first comes after the browser's layout and
 * before the paint, so a row that doesn't fit is never shown cut.
 */
export function useLabelsFit(listRef: RefObject<HTMLElement | null>): boolean {
  const [fits, setFits] = useState(true);
  const labelledWidth = useRef(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      if (fits && list.scrollWidth > list.clientWidth + 0.5) {
        labelledWidth.current = list.scrollWidth;
        setFits(false);
      } else if (!fits && list.clientWidth >= labelledWidth.current) {
        setFits(true);
      }
    };
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, fits]);
  return fits;
}
