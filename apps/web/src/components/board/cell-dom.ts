import { revealAllCards } from './cell-reveal.ts';

/**
 * How app code finds a cell in the DOM: by its own `data-cell` attribute and
 * the ids it carries — never by a test id, so renaming a test hook cannot
 * break drag and drop or keyboard navigation.
 */
export const cellSelector = (stageId: string, laneId: string): string =>
  `[data-cell][data-stage-id="${CSS.escape(stageId)}"][data-lane-id="${CSS.escape(laneId)}"]`;

export const closestCell = (element: Element): HTMLElement | null =>
  element.closest<HTMLElement>('[data-cell]');

/** Cards carry their id; that is also how presence highlights them. */
export const CARD_SELECTOR = '[data-card-id]';

/** One card's element (the find bar outlines and scrolls to it). */
export const cardSelector = (cardId: string): string => `[data-card-id="${CSS.escape(cardId)}"]`;
/** The board element itself (BoardGrid's root), for taking a picture of it. */
export const findBoardElement = (): HTMLElement | null =>
  document.querySelector<HTMLElement>('.board[role="region"]');

/** How long to wait for a card to be drawn once its cell is in view, in frames (~2 s). */
const CARD_WAIT_FRAMES = 120;

/**
 * Calls `onFound` with a card's element once it is in the DOM (this frame or
 * within CARD_WAIT_FRAMES); `onMissing` runs once if it is not there yet.
 * Returns a function that stops waiting.
 */
function whenCardDrawn(
  cardId: string,
  onFound: (element: HTMLElement) => void,
  onMissing: () => void = () => {},
): () => void {
  let frame = 0;
  let frames = 0;
  const look = () => {
    const element = document.querySelector<HTMLElement>(cardSelector(cardId));
    if (element) {
      onFound(element);
      return;
    }
    if (frames === 0) onMissing();
    if (++frames < CARD_WAIT_FRAMES) frame = requestAnimationFrame(look);
  };
  look();
  return () => cancelAnimationFrame(frame);
}

/**
 * Scrolls a card into the middle of the view, then calls `onShown` with its
 * element. A large board draws most cards only once they near the view
 * (cell-reveal.ts): when this one is not drawn yet, the whole board is drawn
 * first — scrolled to while cards around it were still being drawn, it would
 * drift out of view — and the card is waited for. Returns a function that
 * stops waiting.
 */
export function showCard(cardId: string, onShown: (element: HTMLElement) => void): () => void {
  return whenCardDrawn(
    cardId,
    (element) => {
      element.scrollIntoView({ block: 'center', inline: 'center' });
      onShown(element);
    },
    () => {
      const board = findBoardElement();
      if (board) revealAllCards(board);
    },
  );
}

/**
 * Scrolls a lane to the top of the view, just under the stage headers (a workshop round's
 * lane, from its banner: on a laptop the lane to vote or rate in was often below the fold).
 * Only up or down: the stages in view stay. Returns false when the lane is not on the board.
 */
export function showLane(laneId: string): boolean {
  const board = findBoardElement();
  const row = board?.querySelector<HTMLElement>(`.lane-row[data-lane-id="${CSS.escape(laneId)}"]`);
  if (!board || !row) return false;
  const scroller = board.closest<HTMLElement>('.board-scroll');
  if (!scroller) {
    row.scrollIntoView({ block: 'start', inline: 'nearest', behavior: 'smooth' });
    return true;
  }
  // Not centred: on a phone the board shows a few hundred pixels, and a lane taller than that
  // had its title under the sticky stage headers. Nor scrollIntoView: it may slide the row
  // sideways, wider than the view as it is.
  const headers = board.querySelector('.board-row--header')?.getBoundingClientRect().height ?? 0;
  const top = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - headers;
  scroller.scrollBy({ top, behavior: 'smooth' });
  return true;
}

/** What of the board's view the sticky stage headers and lane titles leave, in screen px. */
export function openView(
  scroller: HTMLElement,
  board: HTMLElement | null,
): { top: number; bottom: number; left: number; right: number } {
  const view = scroller.getBoundingClientRect();
  const top = scroller.clientTop + view.top;
  const left = scroller.clientLeft + view.left;
  const headers = board?.querySelector('.board-row--header')?.getBoundingClientRect();
  const corner = board?.querySelector('.board-corner')?.getBoundingClientRect();
  return {
    top: Math.max(top, headers?.bottom ?? top),
    bottom: top + scroller.clientHeight,
    left: Math.max(left, corner?.right ?? left),
    right: left + scroller.clientWidth,
  };
}

/**
 * Scrolls a stage's column to the middle of what the sticky lane titles leave of the view
 * (the facilitator's spotlight): centred in the whole view, a phone had it half under them,
 * its title hidden. Only sideways; a column wider than that room starts at its edge.
 */
export function showStage(board: HTMLElement, stageId: string): void {
  const header = board.querySelector<HTMLElement>(
    `.stage-header[data-stage-id="${CSS.escape(stageId)}"]`,
  );
  const scroller = board.closest<HTMLElement>('.board-scroll');
  if (!header || !scroller) return;
  const { left, right } = openView(scroller, board);
  const box = header.getBoundingClientRect();
  const shift =
    box.width >= right - left ? box.left - left : (box.left + box.right - left - right) / 2;
  scroller.scrollBy({ left: shift, behavior: 'smooth' });
}

/**
 * Puts focus on a card's text once it is drawn: a card moved to another cell
 * is drawn afresh there (after this frame), and the focus it had went with
 * the old element.
 */
export function focusCardWhenDrawn(cardId: string): void {
  requestAnimationFrame(() =>
    whenCardDrawn(cardId, (element) =>
      element.querySelector<HTMLElement>('[data-nav="card"]')?.focus(),
    ),
  );
}
