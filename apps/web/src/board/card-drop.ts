import { cellKey, type BoardSnapshot } from '@journeyboard/shared/board';

/** What the dragged card is over: another card (and which half of it), or a cell's free space. */
export type CardDropOver =
  | { readonly kind: 'card'; readonly cardId: string; readonly after: boolean }
  | { readonly kind: 'cell'; readonly stageId: string; readonly laneId: string };

export interface CardDropTarget {
  readonly stageId: string;
  readonly laneId: string;
  /** Position among the target cell's cards, not counting the dragged card. */
  readonly index: number;
  /** The card the insertion line is drawn above; null draws it at the end of the cell. */
  readonly beforeCardId: string | null;
}

/**
 * Where a card dropped on `over` lands. Returns null when the drop would not
 * move it (over itself, or back into its own slot), so no insertion line is
 * drawn and nothing is written to the document.
 */
export function resolveCardDrop(
  board: BoardSnapshot,
  cardId: string,
  over: CardDropOver,
): CardDropTarget | null {
  const card = board.cards.get(cardId);
  if (!card) return null;

  let stageId: string;
  let laneId: string;
  let index: number;
  const siblingsOf = (s: string, l: string) =>
    (board.cells.get(cellKey(s, l)) ?? []).filter((id) => id !== cardId);

  if (over.kind === 'card') {
    if (over.cardId === cardId) return null;
    const target = board.cards.get(over.cardId);
    if (!target) return null;
    ({ stageId, laneId } = target);
    const siblings = siblingsOf(stageId, laneId);
    index = siblings.indexOf(over.cardId) + (over.after ? 1 : 0);
  } else {
    ({ stageId, laneId } = over);
    index = siblingsOf(stageId, laneId).length;
  }

  const siblings = siblingsOf(stageId, laneId);
  const sameCell = card.stageId === stageId && card.laneId === laneId;
  if (sameCell && (board.cells.get(cellKey(stageId, laneId)) ?? []).indexOf(cardId) === index) {
    return null;
  }
  return { stageId, laneId, index, beforeCardId: siblings[index] ?? null };
}
