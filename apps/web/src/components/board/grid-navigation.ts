import { holdsCards } from '@journeyboard/shared/board';
import type { BoardSnapshot } from '../../board/use-board.ts';
import { cellSelector, closestCell } from './cell-dom.ts';

export type NavDirection = 'up' | 'down' | 'left' | 'right';

/** A cell's place in the grid and the focusable items in it (cards, then "Add card"). */
interface NavCell {
  readonly element: HTMLElement;
  readonly items: HTMLElement[];
}

function navCell(root: ParentNode, stageId: string, laneId: string): NavCell | null {
  const element = root.querySelector<HTMLElement>(cellSelector(stageId, laneId));
  if (!element) return null;
  return { element, items: [...element.querySelectorAll<HTMLElement>('[data-nav]')] };
}

/**
 * Where focus goes when an arrow key is pressed on a card or "Add card":
 * Up/Down step through the cell and on into the lane above or below; Left/Right
 * go to the same place in the neighbouring stage. Lanes without cards
 * (emotion, collapsed) are skipped. Returns null at the edges.
 */
export function nextFocus(
  root: ParentNode,
  board: BoardSnapshot,
  from: HTMLElement,
  direction: NavDirection,
): HTMLElement | null {
  const cellElement = closestCell(from);
  const stageId = cellElement?.dataset.stageId;
  const laneId = cellElement?.dataset.laneId;
  if (!cellElement || !stageId || !laneId) return null;
  const lanes = board.lanes.filter((lane) => holdsCards(lane.kind) && !lane.collapsed);
  const stageIndex = board.stages.findIndex((stage) => stage.id === stageId);
  const laneIndex = lanes.findIndex((lane) => lane.id === laneId);
  const here = navCell(root, stageId, laneId);
  if (!here || stageIndex === -1 || laneIndex === -1) return null;
  const index = here.items.indexOf(from);

  if (direction === 'up' || direction === 'down') {
    const step = direction === 'down' ? 1 : -1;
    const inCell = here.items[index + step];
    if (index !== -1 && inCell) return inCell;
    const lane = lanes[laneIndex + step];
    const stage = board.stages[stageIndex];
    if (!lane || !stage) return null;
    const next = navCell(root, stage.id, lane.id);
    return (direction === 'down' ? next?.items[0] : next?.items.at(-1)) ?? null;
  }
  const stage = board.stages[stageIndex + (direction === 'right' ? 1 : -1)];
  const lane = lanes[laneIndex];
  if (!stage || !lane) return null;
  const next = navCell(root, stage.id, lane.id);
  if (!next) return null;
  return next.items[Math.min(Math.max(index, 0), next.items.length - 1)] ?? null;
}
