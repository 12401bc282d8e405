import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { reportRender } from '../../board/render-probe.ts';
import { cellKey, useBoardActions, useCellCardIds } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { PlusIcon } from '../common/icons.tsx';
import { CardItem } from './card-item.tsx';
import { cellDroppableId, type CellDropData } from './drag-data.ts';

interface CardCellProps {
  stageId: string;
  laneId: string;
  stageTitle: string;
  laneTitle: string;
}

/** The cards where one lane meets one stage, plus "Add card". Re-renders only when its card list changes. */
export const CardCell = memo(function CardCell({
  stageId,
  laneId,
  stageTitle,
  laneTitle,
}: CardCellProps) {
  const key = cellKey(stageId, laneId);
  reportRender('CardCell', key);
  const cardIds = useCellCardIds(stageId, laneId);
  const actions = useBoardActions();
  const startEditingCard = useUiStore((state) => state.startEditingCard);
  const isDropTarget = useUiStore((state) => state.cardDropIndicator?.cellKey === key);
  const dropsAtEnd = useUiStore(
    (state) =>
      state.cardDropIndicator?.cellKey === key && state.cardDropIndicator.beforeCardId === null,
  );
  const data: CellDropData = { type: 'cell', stageId, laneId };
  const { setNodeRef } = useDroppable({ id: cellDroppableId(stageId, laneId), data });

  const addCard = () => {
    const cardId = actions.addCard(stageId, laneId);
    if (cardId) startEditingCard(cardId);
  };

  return (
    <div
      ref={setNodeRef}
      role="group"
      className={`cell${isDropTarget ? ' cell--drop-target' : ''}`}
      data-testid="cell"
      data-stage-id={stageId}
      data-lane-id={laneId}
      aria-label={`${laneTitle} in ${stageTitle}`}
    >
      {cardIds.length > 0 ? (
        <ul className="card-list">
          {cardIds.map((cardId) => (
            <CardItem key={cardId} cardId={cardId} />
          ))}
        </ul>
      ) : null}
      {dropsAtEnd ? <div className="drop-line" aria-hidden="true" /> : null}
      <button
        type="button"
        className="add-card"
        aria-label={`Add card to ${laneTitle} in ${stageTitle}`}
        onClick={addCard}
      >
        <PlusIcon />
        Add card
      </button>
    </div>
  );
});
