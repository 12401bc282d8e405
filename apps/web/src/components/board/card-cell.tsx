import { useDroppable } from '@dnd-kit/core';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { reportRender } from '../../board/render-probe.ts';
import { cellKey, useBoardActions, useCellCardIds, type LaneKind } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { PlusIcon } from '../common/icons.tsx';
import { useBoardEditable, useBoardMode } from './board-mode.ts';
import { CardItem } from './card-item.tsx';
import { cellDroppableId, type CellDropData } from './drag-data.ts';
import { StaticCard } from './static-card.tsx';
import { stageWidthCss } from './stage-widths.ts';
import { ESTIMATED_CARD_HEIGHT, useRevealedCards } from './cell-reveal.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { PrivateCell } from '../workshop/private-cards.tsx';

interface CardCellProps {
  stageId: string;
  laneId: string;
  laneKind: LaneKind;
  stageTitle: string;
  laneTitle: string;
}

/**
 * The cards where one lane meets one stage, plus "Add card" when the board is
 * editable. Re-renders only when its card list changes.
 */
export const CardCell = memo(function CardCell({
  stageId,
  laneId,
  laneKind,
  stageTitle,
  laneTitle,
}: CardCellProps) {
  const key = cellKey(stageId, laneId);
  reportRender('CardCell', key);
  const cardIds = useCellCardIds(stageId, laneId);
  // A locked stage or lane (or the board) locks its cells for participants:
  // their cards are drawn read-only, nothing is added or dropped here.
  const { binding } = useLocks();
  const editable = useBoardEditable() && !binding.cellLocked(stageId, laneId);
  const actions = useBoardActions();
  // A silent brainstorm's private cards (only when this person writes some; never on slides).
  const presenting = useBoardMode() === 'present';
  const startEditingCard = useUiStore((state) => state.startEditingCard);
  const isDropTarget = useUiStore((state) => state.cardDropIndicator?.cellKey === key);
  const dropsAtEnd = useUiStore(
    (state) =>
      state.cardDropIndicator?.cellKey === key && state.cardDropIndicator.beforeCardId === null,
  );
  const data = useMemo<CellDropData>(
    () => ({ type: 'cell', stageId, laneId, laneKind }),
    [stageId, laneId, laneKind],
  );
  const cellRef = useRef<HTMLDivElement>(null);
  // On a large board, a placeholder of about their height stands in for the cards not drawn yet.
  const placeholderRef = useRef<HTMLDivElement>(null);
  const [shown, showAllCards] = useRevealedCards(placeholderRef, cardIds.length);
  const drawn = shown >= cardIds.length ? cardIds : cardIds.slice(0, shown);
  const waiting = cardIds.length - drawn.length;
  // A card edited while not drawn (added here by click or key: it goes last) is drawn at once.
  const editingUndrawn = useUiStore(
    (state) =>
      waiting > 0 &&
      state.editingCardId !== null &&
      cardIds.indexOf(state.editingCardId) >= drawn.length,
  );
  useLayoutEffect(() => {
    if (editingUndrawn) showAllCards();
  }, [editingUndrawn, showAllCards]);
  const cardFor = (cardId: string) =>
    editable && !binding.has('card', cardId) ? CardItem : StaticCard;

  const addCard = () => {
    const cardId = actions.addCard(stageId, laneId);
    if (cardId) startEditingCard(cardId);
  };

  return (
    <div
      ref={cellRef}
      role="group"
      className={`cell${isDropTarget ? ' cell--drop-target' : ''}`}
      style={{ width: stageWidthCss(stageId) }}
      data-testid="cell"
      data-cell=""
      data-stage-id={stageId}
      data-lane-id={laneId}
      aria-label={`${laneTitle} in ${stageTitle}`}
    >
      {/* Outside the editor there is no DndContext: a disabled droppable registers nothing. */}
      <CellDroppable
        id={cellDroppableId(stageId, laneId)}
        data={data}
        disabled={!editable}
        cellRef={cellRef}
      />
      {drawn.length > 0 ? (
        <ul className="card-list">
          {drawn.map((cardId) => {
            const Card = cardFor(cardId);
            return <Card key={cardId} cardId={cardId} laneKind={laneKind} />;
          })}
        </ul>
      ) : null}
      {waiting > 0 ? (
        <div
          ref={placeholderRef}
          className="card-list__placeholder"
          style={{ height: waiting * ESTIMATED_CARD_HEIGHT }}
          data-pending=""
          aria-hidden="true"
        />
      ) : null}
      {dropsAtEnd ? <div className="drop-line" aria-hidden="true" /> : null}
      {waiting === 0 && !presenting ? (
        <PrivateCell
          stageId={stageId}
          laneId={laneId}
          stageTitle={stageTitle}
          laneTitle={laneTitle}
        />
      ) : null}
      {editable ? (
        <button
          type="button"
          className="add-card"
          aria-label={`Add card to ${laneTitle} in ${stageTitle}`}
          data-nav="add-card"
          onClick={addCard}
        >
          <PlusIcon />
          Add card
        </button>
      ) : null}
    </div>
  );
});

/**
 * Registers a cell as a drop target. A component of its own because dnd-kit's
 * context changes several times for each pointer move of a drag, and every
 * `useDroppable` re-renders with it: here that is this empty component, not
 * the cell with its card list (96 cells × each move at 1,000 cards).
 */
function CellDroppable({
  id,
  data,
  disabled,
  cellRef,
}: {
  id: string;
  data: CellDropData;
  disabled: boolean;
  cellRef: RefObject<HTMLDivElement | null>;
}) {
  const { setNodeRef } = useDroppable({ id, data, disabled });
  // After the commit, once the cell's own ref is set (a child's layout effect runs before it).
  useEffect(() => setNodeRef(cellRef.current), [setNodeRef, cellRef]);
  return null;
}
