/**
 * Board coordinates ↔ the scroll container. Board coordinates are CSS pixels
 * from the board's top-left at zoom 1, so people with different zoom and
 * scroll positions agree on where a cursor or a viewport is — nearly: each
 * person's cards differ a little (their tools, lock marks), so rows drift, and
 * following someone's view goes by grid points (a stage column and a lane row).
 */
import type { TGridPoint } from '@journeyboard/shared';
import { useUiStore } from '../../state/ui-store.ts';
import { openView } from '../board/cell-dom.ts';

export interface BoardElements {
  readonly scroller: HTMLElement;
  readonly board: HTMLElement;
}

export function boardZoom(board: HTMLElement): number {
  const zoom = Number.parseFloat(getComputedStyle(board).zoom);
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

/** A pointer position (client coordinates) → board coordinates. */
export function toBoardPoint(
  { board }: BoardElements,
  clientX: number,
  clientY: number,
): { x: number; y: number } {
  const rect = board.getBoundingClientRect();
  const zoom = boardZoom(board);
  return {
    x: Math.round((clientX - rect.left) / zoom),
    y: Math.round((clientY - rect.top) / zoom),
  };
}

/** Board coordinates → position inside the scroller's content (what `left`/`top` of the layer use). */
export function toLayerPoint(
  { scroller, board }: BoardElements,
  point: { x: number; y: number },
): { left: number; top: number } {
  const zoom = boardZoom(board);
  const boardRect = board.getBoundingClientRect();
  const scrollerRect = scroller.getBoundingClientRect();
  return {
    left: boardRect.left - scrollerRect.left + scroller.scrollLeft + point.x * zoom,
    top: boardRect.top - scrollerRect.top + scroller.scrollTop + point.y * zoom,
  };
}

/**
 * The visible part of the board, in board coordinates: what the sticky stage
 * headers and lane titles leave of the view (openView), where the cards are
 * seen — a follower fits and centres that in what its own titles leave.
 */
export function visibleViewport(elements: BoardElements): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const { scroller, board } = elements;
  const zoom = boardZoom(board);
  const open = openView(scroller, board);
  const origin = toBoardPoint(elements, open.left, open.top);
  return {
    x: origin.x,
    y: origin.y,
    width: Math.round((open.right - open.left) / zoom),
    height: Math.round((open.bottom - open.top) / zoom),
  };
}

/**
 * Calls `onView` whenever what the scroller shows changes: a scroll, a window
 * resize, or a zoom (a zoom around the view's top-left corner doesn't
 * scroll). Returns the unsubscribe.
 */
export function watchView(scroller: HTMLElement, onView: () => void): () => void {
  scroller.addEventListener('scroll', onView, { passive: true });
  window.addEventListener('resize', onView);
  const stopZoomWatch = useUiStore.subscribe((state, before) => {
    if (state.zoom !== before.zoom) onView();
  });
  return () => {
    scroller.removeEventListener('scroll', onView);
    window.removeEventListener('resize', onView);
    stopZoomWatch();
  };
}

/** One stage column or lane row, along its axis, in board coordinates. */
interface Span {
  readonly id: string;
  readonly start: number;
  readonly size: number;
}

function spans(elements: BoardElements, axis: 'x' | 'y'): Span[] {
  const { board } = elements;
  const zoom = boardZoom(board);
  const origin = board.getBoundingClientRect();
  const [selector, key] =
    axis === 'x'
      ? (['.stage-header[data-stage-id]', 'stageId'] as const)
      : (['.lane-row[data-lane-id]', 'laneId'] as const);
  return [...board.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
    const id = element.dataset[key];
    if (!id) return [];
    const rect = element.getBoundingClientRect();
    const start = axis === 'x' ? rect.left - origin.left : rect.top - origin.top;
    const size = axis === 'x' ? rect.width : rect.height;
    return [{ id, start: start / zoom, size: size / zoom }];
  });
}

/** The span holding `value`, else the nearest one; and how far into it `value` is. */
function locate(all: readonly Span[], value: number): { id: string; at: number } | null {
  let best: { span: Span; distance: number } | null = null;
  for (const span of all) {
    const end = span.start + span.size;
    const distance = value < span.start ? span.start - value : value > end ? value - end : 0;
    if (!best || distance < best.distance) best = { span, distance };
  }
  if (!best) return null;
  const { span } = best;
  const at = span.size > 0 ? (value - span.start) / span.size : 0;
  return { id: span.id, at: Math.round(at * 1000) / 1000 };
}

/**
 * A board point named by the grid (see TGridPoint): layouts differ a little
 * between people, so this is how a follower finds the same spot.
 */
export function gridPointAt(
  elements: BoardElements,
  point: { x: number; y: number },
): TGridPoint | null {
  const stage = locate(spans(elements, 'x'), point.x);
  const lane = locate(spans(elements, 'y'), point.y);
  if (!stage || !lane) return null;
  return { stageId: stage.id, stageAt: stage.at, laneId: lane.id, laneAt: lane.at };
}

/** Where a grid point is on this board, or null when its stage or lane isn't here. */
export function boardPointOf(
  elements: BoardElements,
  point: TGridPoint,
): { x: number; y: number } | null {
  const stage = spans(elements, 'x').find((span) => span.id === point.stageId);
  const lane = spans(elements, 'y').find((span) => span.id === point.laneId);
  if (!stage || !lane) return null;
  return {
    x: stage.start + point.stageAt * stage.size,
    y: lane.start + point.laneAt * lane.size,
  };
}
