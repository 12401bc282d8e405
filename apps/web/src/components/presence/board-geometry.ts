/**
 * Board coordinates ↔ the scroll container. Board coordinates are CSS pixels
 * from the board's top-left at zoom 1, so people with different zoom and
 * scroll positions agree on where a cursor or a viewport is.
 */
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

/** The visible part of the board, in board coordinates. */
export function visibleViewport(elements: BoardElements): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const { scroller, board } = elements;
  const zoom = boardZoom(board);
  const scrollerRect = scroller.getBoundingClientRect();
  const origin = toBoardPoint(elements, scrollerRect.left, scrollerRect.top);
  return {
    x: origin.x,
    y: origin.y,
    width: Math.round(scroller.clientWidth / zoom),
    height: Math.round(scroller.clientHeight / zoom),
  };
}
