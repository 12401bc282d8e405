import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useUiStore } from '../../state/ui-store.ts';

/**
 * Zoom for the board canvas: Ctrl/Cmd + wheel zooms around the pointer, and
 * `fit` scales the whole board into view. The scroll position is corrected
 * after the zoomed layout is committed, so the point under the pointer stays put.
 */
export function useCanvasZoom(
  scrollerRef: RefObject<HTMLDivElement | null>,
  boardRef: RefObject<HTMLDivElement | null>,
) {
  const zoom = useUiStore((state) => state.zoom);
  const setZoom = useUiStore((state) => state.setZoom);
  // Content point (in unzoomed px) that must stay under the viewport point.
  const anchor = useRef<{
    contentX: number;
    contentY: number;
    viewX: number;
    viewY: number;
  } | null>(null);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const onWheel = (event: WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      const current = useUiStore.getState().zoom;
      const rect = scroller.getBoundingClientRect();
      const viewX = event.clientX - rect.left;
      const viewY = event.clientY - rect.top;
      anchor.current = {
        contentX: (scroller.scrollLeft + viewX) / current,
        contentY: (scroller.scrollTop + viewY) / current,
        viewX,
        viewY,
      };
      setZoom(current * Math.exp(-event.deltaY * 0.002));
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [scrollerRef, setZoom]);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const target = anchor.current;
    anchor.current = null;
    if (!scroller || !target) return;
    scroller.scrollLeft = target.contentX * zoom - target.viewX;
    scroller.scrollTop = target.contentY * zoom - target.viewY;
  }, [zoom, scrollerRef]);

  const fit = useCallback(() => {
    const scroller = scrollerRef.current;
    const board = boardRef.current;
    if (!scroller || !board) return;
    const current = useUiStore.getState().zoom;
    const rect = board.getBoundingClientRect();
    const naturalWidth = rect.width / current;
    const naturalHeight = rect.height / current;
    setZoom(
      Math.min(1, scroller.clientWidth / naturalWidth, scroller.clientHeight / naturalHeight),
    );
    scroller.scrollTo({ left: 0, top: 0 });
  }, [scrollerRef, boardRef, setZoom]);

  return { zoom, fit };
}
