import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type Collision,
  type DroppableContainer,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type Over,
} from '@dnd-kit/core';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { resolveCardDrop, type CardDropOver, type CardDropTarget } from '../../board/card-drop.ts';
import {
  cellKey,
  useBoardActions,
  useBoardReader,
  type BoardSnapshot,
} from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { createCardKeyboardCoordinates } from './card-keyboard.ts';
import { CardPreview } from './card-preview.tsx';
import { readDragData } from './drag-data.ts';

/**
 * With the pointer, cards under it win over the cell around them, so dropping
 * on a card inserts next to it and dropping on free space appends to the
 * cell. The keyboard places the dragged card exactly on its target's
 * top-left corner (see card-keyboard.ts), so the target is the droppable
 * whose corner is nearest — including the card's own slot, meaning "stay".
 */
const cardCollisionDetection: CollisionDetection = (args) => {
  if (!args.pointerCoordinates) return nearestCorner(args);
  const hits = pointerWithin(args);
  const cards = hits.filter(
    (hit) =>
      readDragData((hit.data?.droppableContainer as DroppableContainer | undefined)?.data.current)
        ?.type === 'card',
  );
  return cards.length > 0 ? cards : hits;
};

const nearestCorner: CollisionDetection = ({
  collisionRect,
  droppableContainers,
  droppableRects,
}) => {
  let best: Collision | null = null;
  let bestDistance = Infinity;
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect || container.disabled) continue;
    const distance = Math.hypot(rect.left - collisionRect.left, rect.top - collisionRect.top);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { id: container.id, data: { droppableContainer: container, value: distance } };
    }
  }
  return best ? [best] : [];
};

const screenReaderInstructions = {
  draggable:
    'To move a card, press Space or Enter, use the arrow keys to move it to another place, ' +
    'then press Space or Enter to drop it, or Escape to cancel.',
};

/**
 * Translates dnd-kit's `over` into the board's terms. With the pointer, the
 * lower half of a card means "after it". The keyboard lands exactly on the
 * target, so inside one cell it behaves like a list (moving down lands after
 * the next card) and elsewhere it inserts before the card it reached.
 */
function describeOver(
  board: BoardSnapshot,
  active: Active,
  over: Over,
  viaKeyboard: boolean,
): CardDropOver | null {
  const data = readDragData(over.data.current);
  if (!data) return null;
  if (data.type === 'cell') return { kind: 'cell', stageId: data.stageId, laneId: data.laneId };

  if (viaKeyboard) {
    const activeCard = board.cards.get(String(active.id));
    const overCard = board.cards.get(data.cardId);
    if (!activeCard || !overCard) return null;
    const sameCell =
      activeCard.stageId === overCard.stageId && activeCard.laneId === overCard.laneId;
    const ids = board.cells.get(cellKey(overCard.stageId, overCard.laneId)) ?? [];
    const after = sameCell && ids.indexOf(activeCard.id) < ids.indexOf(overCard.id);
    return { kind: 'card', cardId: data.cardId, after };
  }
  const dragged = active.rect.current.translated;
  const after =
    dragged !== null && dragged.top + dragged.height / 2 > over.rect.top + over.rect.height / 2;
  return { kind: 'card', cardId: data.cardId, after };
}

/** Drag and drop of cards between and within cells. Writes to the board only on drop. */
export function CardDragAndDrop({ children }: { children: ReactNode }) {
  const actions = useBoardActions();
  const read = useBoardReader();
  const setDropIndicator = useUiStore((state) => state.setCardDropIndicator);
  const [activeCardId, setActiveCardId] = useState<string | null>(null);
  const viaKeyboard = useRef(false);
  const keyboardCoordinates = useMemo(() => createCardKeyboardCoordinates(read), [read]);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click still opens the editor.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  const targetOf = ({
    active,
    over,
  }: {
    active: Active;
    over: Over | null;
  }): CardDropTarget | null => {
    if (!over) return null;
    const board = read();
    const described = describeOver(board, active, over, viaKeyboard.current);
    return described ? resolveCardDrop(board, String(active.id), described) : null;
  };

  const showIndicator = (event: DragMoveEvent) => {
    const target = targetOf(event);
    setDropIndicator(
      target
        ? { cellKey: cellKey(target.stageId, target.laneId), beforeCardId: target.beforeCardId }
        : null,
    );
  };

  const finish = () => {
    setActiveCardId(null);
    setDropIndicator(null);
  };

  const announcements = useMemo<Announcements>(() => {
    const cardName = (id: unknown) => {
      const text = read().cards.get(String(id))?.text.trim();
      return text ? `card “${text.length > 40 ? `${text.slice(0, 40)}…` : text}”` : 'empty card';
    };
    const place = (over: Over | null) => {
      const data = readDragData(over?.data.current);
      if (!data) return null;
      const board = read();
      const position = data.type === 'cell' ? data : board.cards.get(data.cardId);
      if (!position) return null;
      const stage = board.stages.find((s) => s.id === position.stageId)?.title ?? 'a stage';
      const lane = board.lanes.find((l) => l.id === position.laneId)?.title ?? 'a lane';
      return `${lane} in ${stage}`;
    };
    return {
      onDragStart: ({ active }) => `Picked up ${cardName(active.id)}.`,
      onDragOver: ({ active, over }) => {
        const where = place(over);
        return where
          ? `${cardName(active.id)} is over ${where}.`
          : `${cardName(active.id)} is not over a cell.`;
      },
      onDragEnd: ({ active, over }) => {
        const where = place(over);
        return where
          ? `Dropped ${cardName(active.id)} in ${where}.`
          : `Dropped ${cardName(active.id)}; it did not move.`;
      },
      onDragCancel: ({ active }) => `Moving ${cardName(active.id)} was cancelled.`,
    };
  }, [read]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={cardCollisionDetection}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={({ active, activatorEvent }: DragStartEvent) => {
        viaKeyboard.current = activatorEvent instanceof KeyboardEvent;
        setActiveCardId(String(active.id));
      }}
      onDragMove={showIndicator}
      onDragOver={showIndicator}
      onDragEnd={(event: DragEndEvent) => {
        const target = targetOf(event);
        finish();
        if (target) {
          actions.moveCard(String(event.active.id), {
            stageId: target.stageId,
            laneId: target.laneId,
            index: target.index,
          });
        }
      }}
      onDragCancel={finish}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {activeCardId ? <CardPreview cardId={activeCardId} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
