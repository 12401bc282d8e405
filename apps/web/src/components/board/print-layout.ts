/**
 * How the whole board goes on paper (Ctrl+P, and the PDF, which is the
 * browser's own vector output of it): landscape, scaled to the page's width
 * so no stage is cut off, on A4 while card text stays at least 7 pt, else A3.
 * A board too wide even for A3 at 7 pt is split into groups of stages, one
 * page-wide group after another, each repeating the lane titles (and the
 * heading). Pure, so the choice is tested without printing.
 */

/** Printable widths at 96 px per inch: landscape, 10 mm margins (297 − 20 mm, 420 − 20 mm). */
export const PRINTABLE_WIDTH_PX = { A4: 1047, A3: 1511 } as const;
export type Paper = keyof typeof PRINTABLE_WIDTH_PX;

/** Card text is 13.5 px (≈ 10 pt); at this zoom it is 7 pt. */
export const SMALLEST_READABLE_ZOOM = 7 / (13.5 * 0.75);

/** Three decimals, rounded down (so the board never overflows the page). */
const floorZoom = (zoom: number) => Math.floor(zoom * 1000) / 1000;
/** Three decimals, rounded up (so text never drops under 7 pt). */
const ceilZoom = (zoom: number) => Math.ceil(zoom * 1000) / 1000;

export function printLayout(boardWidthPx: number): { paper: Paper; zoom: number } {
  const paper: Paper = boardWidthPx * SMALLEST_READABLE_ZOOM <= PRINTABLE_WIDTH_PX.A4 ? 'A4' : 'A3';
  const zoom = Math.min(1, PRINTABLE_WIDTH_PX[paper] / Math.max(1, boardWidthPx));
  return { paper, zoom: floorZoom(zoom) };
}

export interface PrintPlan {
  readonly paper: Paper;
  readonly zoom: number;
  /**
   * The stages of each printed group, as indexes (left to right): one group
   * when the whole board fits a page's width, else one per page width.
   */
  readonly pages: readonly (readonly number[])[];
}

export interface PrintChrome {
  /** The lane-title column, repeated on every group. */
  readonly laneTitleWidth: number;
  /** The board's padding and whatever sits beside the last stage. */
  readonly slack: number;
}

/**
 * The paper, zoom and stage groups for a board with these column widths.
 * Fits the whole board on one page width when card text stays ≥ 7 pt (A4,
 * else A3); otherwise prints A3 at the 7 pt zoom and fills each page with as
 * many whole stages as fit beside the lane titles. A stage wider than a page
 * on its own gets a page of its own (and is scaled down to fit it).
 */
export function planPrint(stageWidths: readonly number[], chrome: PrintChrome): PrintPlan {
  const all = stageWidths.map((_, index) => index);
  const boardWidth = chrome.laneTitleWidth + chrome.slack + stageWidths.reduce((a, b) => a + b, 0);
  if (boardWidth * SMALLEST_READABLE_ZOOM <= PRINTABLE_WIDTH_PX.A3)
    return { ...printLayout(boardWidth), pages: [all] };

  const zoom = ceilZoom(SMALLEST_READABLE_ZOOM);
  const room = PRINTABLE_WIDTH_PX.A3 / zoom - chrome.laneTitleWidth - chrome.slack;
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  stageWidths.forEach((width, index) => {
    if (current.length > 0 && used + width > room) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(index);
    used += width;
  });
  if (current.length > 0) pages.push(current);
  // A lone stage wider than the page: that group (only) needs a smaller zoom.
  const widest = Math.max(
    ...pages.map((group) => group.reduce((sum, index) => sum + (stageWidths[index] ?? 0), 0)),
  );
  const fitted = Math.min(
    zoom,
    floorZoom(PRINTABLE_WIDTH_PX.A3 / (widest + chrome.laneTitleWidth + chrome.slack)),
  );
  return { paper: 'A3', zoom: fitted, pages };
}
