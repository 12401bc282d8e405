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
