/**
 * A PNG of the whole board (not the screen) with modern-screenshot: the board
 * element is drawn at 100 % whatever the canvas zoom, at `scale` device
 * pixels per CSS pixel (1× or 2×), without the presence layer and the
 * editor's controls and prompts (add card, add stage, lane tools, "Add a
 * description"), headed with the map's title and day (the print heading,
 * shown under `data-capture`: board-grid.css), and with every word of each
 * stage's title and description (`data-capture`, stage-header.css). Text
 * renders with the page's fonts (no emoji font is installed here, so emoji
 * show as boxes).
 */
import { appliedZoom, applyZoom } from '../board/board-zoom.ts';
import { revealAllCards } from '../board/cell-reveal.ts';

/** The editing chrome inside the board element (print.css hides the same on paper). */
const LEFT_OUT = [
  '.presence-layer',
  '.add-lane',
  '.add-stage-column',
  '.add-card',
  '.selection-box',
  '.lane-title__collapse',
  '.lane-title__tools',
  '.stage-header__toolbar',
  '.stage-header__full-title',
  '.stage-resize',
  // What the pointer or focus opens: the pointer rests on the board when the export starts.
  '.card__tools',
  // "Comment on …" of a read-only board (viewers, links that show comments): a control, drawn
  // on every card and stage there; the open-thread count beside it is content and stays.
  '.comment-button',
  '.emotion-cell__control',
  // A running vote's buttons and the exporter's own votes (secret until the results); a
  // revealed count (`.card-votes__count`) is content and stays.
  '.card-votes',
  // Prompts for the editor: an empty description shows nothing, the curve no "drag" hint.
  '.stage-header__description .placeholder',
  '.emotion-curve__hint-action',
].join(', ');

/** Whether the picture leaves this node out (editing chrome, controls). */
export const isLeftOut = (node: Node): boolean => node instanceof Element && node.matches(LEFT_OUT);

/**
 * A large board draws its cards progressively (cell-reveal.ts): draw the rest
 * now, and wait until every cell has.
 */
async function allCellsRendered(board: HTMLElement): Promise<void> {
  revealAllCards(board);
  for (let attempt = 0; attempt < 100 && board.querySelector('[data-pending]'); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function boardImage(board: HTMLElement, scale: 1 | 2): Promise<Blob> {
  const { domToBlob } = await import('modern-screenshot');
  await allCellsRendered(board);
  const zoom = appliedZoom(board);
  const overview = board.dataset.density === 'compact' && zoom >= 1;
  // Drawn at 100 %: the picture of the board, not of how far this person zoomed out.
  applyZoom(board, 1);
  board.dataset.capture = '';
  try {
    return await domToBlob(board, {
      type: 'image/png',
      scale,
      width: mapWidth(board),
      height: board.scrollHeight,
      // Opaque, the page's own colour: a transparent margin made the heading unreadable
      // wherever the picture is shown on another background (dark text on a dark slide).
      backgroundColor: pageBackground(),
      filter: (node) => !isLeftOut(node),
    });
  } finally {
    delete board.dataset.capture;
    applyZoom(board, zoom, overview);
  }
}

/** The colour the page is drawn on (the theme's `--bg` on the root), never transparent. */
function pageBackground(): string {
  for (const element of [document.body, document.documentElement]) {
    const colour = getComputedStyle(element).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/**
 * Up to the last stage's right edge: what follows it — the editor's "Add
 * stage" column, the room each row keeps for it (a read-only board has the
 * room without the column) — would be an empty strip.
 */
function mapWidth(board: HTMLElement): number {
  const last = [...board.querySelectorAll('.stage-header')].at(-1);
  if (!last) return board.scrollWidth;
  return Math.ceil(last.getBoundingClientRect().right - board.getBoundingClientRect().left);
}
