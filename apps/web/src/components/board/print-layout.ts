/**
 * How the whole board goes on paper (Ctrl+P, and the PDF, which is the
 * browser's own vector output of it): landscape, scaled to the page's width
 * so no stage is cut off, on A4 while card text stays at least 7 pt, else A3.
 * Pure, so the choice is tested without printing.
 */

/** Printable widths at 96 px per inch: landscape, 10 mm margins (297 − 20 mm, 420 − 20 mm). */
export const PRINTABLE_WIDTH_PX = { A4: 1047, A3: 1511 } as const;
export type Paper = keyof typeof PRINTABLE_WIDTH_PX;

/** Card text is 13.5 px (≈ 10 pt); at this zoom it is 7 pt. */
const SMALLEST_READABLE_ZOOM = 7 / (13.5 * 0.75);

export function printLayout(boardWidthPx: number): { paper: Paper; zoom: number } {
  const paper: Paper = boardWidthPx * SMALLEST_READABLE_ZOOM <= PRINTABLE_WIDTH_PX.A4 ? 'A4' : 'A3';
  const zoom = Math.min(1, PRINTABLE_WIDTH_PX[paper] / Math.max(1, boardWidthPx));
  return { paper, zoom: Math.floor(zoom * 1000) / 1000 };
}
