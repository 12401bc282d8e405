import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  platform,
  shift,
  size,
  type Placement,
  type Platform,
} from '@floating-ui/dom';
import { useLayoutEffect, type RefObject } from 'react';

/** How a popup sits against the element that opened it. */
export interface Anchoring {
  /** Its preferred side and edge, e.g. `bottom-end`: below the anchor, right edges lined up. */
  readonly placement: Placement;
  /** Between the anchor and the popup, in pixels on screen. */
  readonly gap: number;
  /** An area the popup must also stay inside besides the window (the board's scroller). */
  readonly within?: (anchor: HTMLElement) => Element | null;
}

/** Kept free between a popup and the edge of the window (or of `within`). */
const MARGIN = 8;

/**
 * Keeps an open popover (a top-layer element: nothing covers it, no scroller
 * clips it) beside its anchor while it is open — and while anything scrolls,
 * resizes or zooms under it: on the anchoring's side when it fits there, on
 * the other side when it fits there instead (a card near the window's foot
 * opens its menu upwards), else on the roomier side, scrolling inside; never
 * past the window's left or right edge. The popup keeps its place in the DOM
 * (focus, events and the board's zoom are still its anchor's); opening and
 * closing stay the popup's own (`showPopover`, `popovertarget`).
 */
export function useAnchoredPopup(
  popupRef: RefObject<HTMLElement | null>,
  anchorRef: RefObject<HTMLElement | null> | undefined,
  anchoring: Anchoring,
): void {
  useLayoutEffect(() => {
    const popup = popupRef.current;
    const anchor = anchorRef?.current;
    // happy-dom (the component tests) has no popover API: the popup is then laid out in place.
    if (!popup || !anchor || typeof popup.showPopover !== 'function') return;
    let stop: (() => void) | undefined;
    let frame = 0;
    const start = () => {
      frame = 0;
      let current = true;
      const cleanup = autoUpdate(anchor, popup, () => {
        void place(anchor, popup, anchoring, () => current);
      });
      stop = () => {
        current = false;
        cleanup();
      };
    };
    const end = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      stop?.();
      stop = undefined;
    };
    // Before it opens the popup has no size to place; the next frame, before it is painted, has.
    const onBeforeToggle = (event: ToggleEvent) => {
      end();
      if (event.newState === 'open') frame = requestAnimationFrame(start);
    };
    popup.addEventListener('beforetoggle', onBeforeToggle);
    if (popup.matches(':popover-open')) start();
    return () => {
      popup.removeEventListener('beforetoggle', onBeforeToggle);
      end();
    };
  }, [popupRef, anchorRef, anchoring]);
}

async function place(
  anchor: HTMLElement,
  popup: HTMLElement,
  { placement, gap, within }: Anchoring,
  isCurrent: () => boolean,
): Promise<void> {
  // Which side it goes on depends on its whole height, not on the height it was last given.
  popup.style.maxHeight = '';
  const zoom = cssZoom(popup);
  const area = { padding: MARGIN, boundary: within?.(anchor) ?? 'clippingAncestors' } as const;
  const { x, y } = await computePosition(anchor, popup, {
    strategy: 'fixed',
    placement,
    platform: zoomAware,
    middleware: [
      offset(gap),
      // The other side only: sliding along the anchor is shift's.
      flip({ ...area, crossAxis: false, flipAlignment: false }),
      shift(area),
      size({
        ...area,
        apply: ({ availableHeight, elements }) => {
          elements.floating.style.maxHeight = `${Math.max(0, availableHeight) / zoom}px`;
        },
      }),
    ],
  });
  if (!isCurrent()) return;
  popup.style.left = `${x / zoom}px`;
  popup.style.top = `${y / zoom}px`;
}

/**
 * A popup inside the zoomed board is drawn at the board's CSS `zoom` (times
 * the titles' own scale for "Add lane"): each of its CSS pixels is `zoom`
 * pixels on screen, its `left` and `top` included. @floating-ui/dom 1.8 sizes
 * the popup in its own CSS pixels but the anchor and the window in pixels on
 * screen (floating-ui#3032, fixed after 1.8 by #3492); here every size is on
 * screen, and `place` turns the result into the popup's own pixels.
 */
const zoomAware: Platform = {
  ...platform,
  getDimensions: (element) => {
    const box = element.getBoundingClientRect();
    return { width: box.width, height: box.height };
  },
};

function cssZoom(element: HTMLElement): number {
  const zoom = (element as { currentCSSZoom?: number }).currentCSSZoom;
  if (zoom) return zoom;
  return element.offsetWidth > 0 ? element.getBoundingClientRect().width / element.offsetWidth : 1;
}
