import type { CSSProperties } from 'react';
import { chromeZoom, isCompactZoom } from './canvas-geometry.ts';

/**
 * How a zoom level reaches the board element: CSS `zoom` on the grid, the
 * zoom as `--zoom` (readable sizes are `max(size, 9px / var(--zoom))`), the
 * titles' own scale as `--chrome-zoom`, and `data-density="compact"` below
 * the readable zoom, or in the overview "fit" may choose (card.css draws the
 * compact cards).
 *
 * The canvas sets these on the element directly (applyZoom), without a React
 * render, so a zoom gesture restyles one element; presentation passes a
 * fixed zoom to BoardGrid, which uses zoomStyle.
 */
export function zoomStyle(zoom: number): CSSProperties {
  return {
    zoom,
    '--zoom': String(zoom),
    '--chrome-zoom': String(chromeZoom(zoom)),
  } as CSSProperties;
}

/** Compact below the readable zoom, or at any zoom in the overview that "fit" chose. */
export const density = (zoom: number, overview = false): 'compact' | 'full' =>
  overview || isCompactZoom(zoom) ? 'compact' : 'full';

export function applyZoom(board: HTMLElement, zoom: number, overview = false): void {
  board.style.zoom = String(zoom);
  board.style.setProperty('--zoom', String(zoom));
  board.style.setProperty('--chrome-zoom', String(chromeZoom(zoom)));
  board.dataset.density = density(zoom, overview);
}

/** The zoom the board element is drawn at now. */
export function appliedZoom(board: HTMLElement): number {
  const zoom = Number.parseFloat(board.style.zoom);
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}
