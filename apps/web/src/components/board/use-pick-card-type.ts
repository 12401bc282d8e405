import {
  laneKindOf,
  newCardFields,
  newCardFits,
  type BoardSnapshot,
  type CardLaneKind,
} from '@journeyboard/shared/board';
import { useEffect, useRef, useState } from 'react';
import { useBoardActions, useBoardReader, type LaneKind } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { cellSelector, closestCell, findBoardElement, showCard } from './cell-dom.ts';
import { usePassed } from '../../workshop/use-passed.ts';
import { placeForCardType, type CellPlace } from './palette-placement.ts';

/** How long "No lane here takes …" stays under the palette. */
const NOTICE_MS = 6_000;

/**
 * A card type clicked instead of dragged: a new card of that type where the
 * person is (placeForCardType), its editor open and in view — or, when no
 * lane takes it, a notice saying which lane to add.
 */
export function usePickCardType() {
  const read = useBoardReader();
  const actions = useBoardActions();
  const { binding } = useLocks();
  const [notice, setNotice] = useState<{ text: string; until: number } | null>(null);
  const noticeGone = usePassed(notice?.until ?? null);
  // The cell the person was last in: pressed (a click on a cell's empty space leaves focus
  // on the page) or focused (a card, an "Add card", with the keyboard too).
  const lastCell = useRef<CellPlace | null>(null);
  useEffect(() => {
    const onEnter = (event: Event) => {
      const cell = event.target instanceof Element ? closestCell(event.target) : null;
      if (cell) lastCell.current = placeOf(cell);
    };
    document.addEventListener('pointerdown', onEnter, true);
    document.addEventListener('focusin', onEnter, true);
    return () => {
      document.removeEventListener('pointerdown', onEnter, true);
      document.removeEventListener('focusin', onEnter, true);
    };
  }, []);
  const pick = (entry: CardLaneKind<LaneKind>) => {
    const board = read();
    const place = placeForCardType(board, entry.kind, nearPlace(board, lastCell.current), (cell) =>
      binding.cellLocked(cell.stageId, cell.laneId),
    );
    if (!place) {
      const card = `a ${entry.cardLabel.toLowerCase()} card`;
      const hasLane = board.lanes.some((lane) => newCardFits(entry.kind, lane.kind));
      setNotice({
        text: hasLane
          ? `Every lane that takes ${card} is locked by the facilitator.`
          : `No lane here takes ${card}: add a “${laneKindOf(entry.kind).label}” lane first.`,
        until: Date.now() + NOTICE_MS,
      });
      return;
    }
    setNotice(null);
    const cardId = actions.addCard(place.stageId, place.laneId, '', newCardFields(entry.kind));
    if (!cardId) return;
    useUiStore.getState().startEditingCard(cardId);
    showCard(cardId, () => {});
  };
  return { pick, notice: notice && !noticeGone ? notice.text : '' };
}

/**
 * Where the person is: the cell they were last in (pressed or focused) while
 * it is still in view, else a selected card's cell, else the cell in the
 * middle of the view (they scrolled on).
 */
function nearPlace(board: BoardSnapshot, lastCell: CellPlace | null): CellPlace | null {
  const view = findBoardElement()?.closest('.board-scroll')?.getBoundingClientRect();
  if (lastCell && view && inside(view, lastCell)) return lastCell;
  const [selected] = useUiStore.getState().selectedCardIds;
  const card = selected ? board.cards.get(selected) : undefined;
  if (card) return { stageId: card.stageId, laneId: card.laneId };
  if (!view) return null;
  const inView = document
    .elementsFromPoint(view.left + view.width / 2, view.top + view.height / 2)
    .map(closestCell)
    .find((element) => element !== null);
  return inView ? placeOf(inView) : null;
}

/** Whether the cell is on the board and at least partly within `view`. */
function inside(view: DOMRect, place: CellPlace): boolean {
  const box = document
    .querySelector(cellSelector(place.stageId, place.laneId))
    ?.getBoundingClientRect();
  return (
    box !== undefined &&
    box.right > view.left &&
    box.left < view.right &&
    box.bottom > view.top &&
    box.top < view.bottom
  );
}

function placeOf(cell: HTMLElement): CellPlace | null {
  const { stageId, laneId } = cell.dataset;
  return stageId && laneId ? { stageId, laneId } : null;
}
