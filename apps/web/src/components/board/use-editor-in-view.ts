import { useLayoutEffect, type RefObject } from 'react';
import { appliedZoom } from './board-zoom.ts';
import { CARD_SELECTOR, openView } from './cell-dom.ts';

/** Room kept between the open card and the edges of the board's view, in screen px. */
const EDGE = 8;
/** An editor is never cut shorter than this (board px) on a tiny view: it scrolls inside itself. */
const MIN_EDITOR_HEIGHT = 120;

/**
 * Keeps an open card's editor on screen. When it opens, and whenever it or the
 * board's view changes size (the byline arrives, the text grows, the window is
 * resized), the board scrolls just enough to show the whole card below the
 * sticky stage headers and beside the sticky lane titles; an editor taller
 * than the view is cut to it and scrolls inside itself, showing the whole of
 * each field Tab reaches. Without this a card near the foot of the screen
 * opened past it, its last fields out of sight, and a field reached with Tab
 * scrolled in under the stage headers.
 */
export function useEditorInView(panelRef: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const panel = panelRef.current;
    const scroller = panel?.closest<HTMLElement>('.board-scroll');
    if (!panel || !scroller) return;
    keepInView(panel, scroller);
    // The browser scrolls a focused field only until part of it shows. Not for a press (a
    // button moved under the pointer between press and release would lose the click).
    const showField = (event: FocusEvent) => {
      const field = event.target;
      if (field instanceof Element && field !== panel && field.matches(':focus-visible')) {
        field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    };
    panel.addEventListener('focusin', showField);
    // In the next frame, not in the callback: the fit may resize the panel it observes.
    let frame = 0;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => keepInView(panel, scroller));
          });
    observer?.observe(panel);
    observer?.observe(scroller);
    return () => {
      panel.removeEventListener('focusin', showField);
      observer?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [panelRef]);
}

function keepInView(panel: HTMLElement, scroller: HTMLElement): void {
  const card = panel.closest<HTMLElement>(CARD_SELECTOR) ?? panel;
  const board = panel.closest<HTMLElement>('.board');
  const open = openView(scroller, board);
  const room = {
    top: open.top + EDGE,
    bottom: open.bottom - EDGE,
    left: open.left + EDGE,
    right: open.right - EDGE,
  };
  // The card around the editor (its edge, a moment-of-truth label) takes some of the height.
  const around = card.getBoundingClientRect().height - panel.getBoundingClientRect().height;
  const zoom = board ? appliedZoom(board) : 1;
  const cap = Math.max(MIN_EDITOR_HEIGHT, (room.bottom - room.top - around) / zoom);
  panel.style.maxHeight = `${Math.floor(cap)}px`;

  const box = card.getBoundingClientRect();
  scroller.scrollBy({
    top: overflow(box.top, box.bottom, room.top, room.bottom),
    left: overflow(box.left, box.right, room.left, room.right),
  });
}

/** How far to scroll so [start, end] lies inside [min, max]; its start wins if it cannot. */
function overflow(start: number, end: number, min: number, max: number): number {
  if (start < min) return start - min;
  if (end > max) return Math.min(end - max, start - min);
  return 0;
}
