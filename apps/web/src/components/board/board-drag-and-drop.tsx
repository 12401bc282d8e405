import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Active,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { resolveCardDrop, type CardDropOver, type CardDropTarget } from '../../board/card-drop.ts';
import { newCardFields } from '@journeyboard/shared/board';
import {
  cellKey,
  useBoardActions,
  useBoardReader,
  type BoardSnapshot,
} from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { CARD_DRAG_INSTRUCTIONS_ID, CardDragSourceProvider } from './card-drag-source.tsx';
import { createCardKeyboardCoordinates, SlotHolder, slotData } from './card-keyboard.ts';
import { CardPreview } from './card-preview.tsx';
import { CARD_SELECTOR, cellSelector, focusCardWhenDrawn } from './cell-dom.ts';
import { createDragAnnouncements } from './drag-announcements.ts';
import { createBoardCollisionDetection } from './drag-collision.ts';
import { readDragData, type GridDragData } from './drag-data.ts';
import { LanePreview } from './lane-preview.tsx';
import { laneKeyboardCoordinates } from './lane-keyboard.ts';
import { PalettePreview } from './palette-preview.tsx';

const screenReaderInstructions = {
  draggable:
    'To move it, press Space or Enter, use the arrow keys to move it to another place, ' +
    'then press Space or Enter to drop it, or Escape to cancel.',
};

const cellElement = (stageId: string, laneId: string) =>
  document.querySelector<HTMLElement>(cellSelector(stageId, laneId));

/**
 * Where in the cell under the pointer a dragged card goes: before the first
 * card whose middle is below the pointer, else at the end. Read from the
 * cards' positions on screen, so the cards need not be droppables.
 */
function pointerDropOver(
  activeId: string,
  stageId: string,
  laneId: string,
  pointerY: number,
): CardDropOver {
  const cards = cellElement(stageId, laneId)?.querySelectorAll<HTMLElement>(CARD_SELECTOR) ?? [];
  for (const card of cards) {
    const id = card.dataset.cardId;
    if (!id || id === activeId) continue;
    const rect = card.getBoundingClientRect();
    if (pointerY < rect.top + rect.height / 2) return { kind: 'card', cardId: id, after: false };
  }
  return { kind: 'cell', stageId, laneId };
}

/**
 * Where a keyboard-dragged card goes: the slot the arrow keys reached (see
 * card-keyboard.ts). Inside its own cell it behaves like a list (moving down
 * lands after the next card); elsewhere it inserts before the card reached.
 */
function keyboardDropOver(
  board: BoardSnapshot,
  activeId: string,
  slot: string | null,
): CardDropOver | null {
  if (slot === null || slot === activeId) return null;
  const data = readDragData(slotData(slot));
  if (data?.type === 'cell') return { kind: 'cell', stageId: data.stageId, laneId: data.laneId };
  const activeCard = board.cards.get(activeId);
  const overCard = board.cards.get(slot);
  if (!activeCard || !overCard) return null;
  const sameCell = activeCard.stageId === overCard.stageId && activeCard.laneId === overCard.laneId;
  const ids = board.cells.get(cellKey(overCard.stageId, overCard.laneId)) ?? [];
  return {
    kind: 'card',
    cardId: slot,
    after: sameCell && ids.indexOf(activeId) < ids.indexOf(slot),
  };
}

/** The selected cards in reading order (stage, then lane, then position in the cell). */
function selectionInBoardOrder(board: BoardSnapshot, selected: ReadonlySet<string>): string[] {
  const ids: string[] = [];
  for (const stage of board.stages) {
    for (const lane of board.lanes) {
      for (const id of board.cells.get(cellKey(stage.id, lane.id)) ?? []) {
        if (selected.has(id)) ids.push(id);
      }
    }
  }
  return ids;
}

/**
 * Drag and drop on the grid: cards between and within cells (with every
 * selected card when the dragged one is selected), new cards from the
 * palette, and lanes by their handle. Writes to the board only on drop.
 */
export function BoardDragAndDrop({ children }: { children: ReactNode }) {
  const actions = useBoardActions();
  const read = useBoardReader();
  const setDropIndicator = useUiStore((state) => state.setCardDropIndicator);
  const setLaneDropBeforeId = useUiStore((state) => state.setLaneDropBeforeId);
  const startEditingCard = useUiStore((state) => state.startEditingCard);
  const setDraggingCardId = useUiStore((state) => state.setDraggingCardId);
  const [activeData, setActiveData] = useState<GridDragData | null>(null);
  const dragging = useRef(false);
  const [collisionDetection] = useState(createBoardCollisionDetection);
  const viaKeyboard = useRef(false);
  const [keyboardSlot] = useState(() => new SlotHolder());
  const pointer = useRef({ x: 0, y: 0 });
  const isDragging = useCallback(() => dragging.current, []);

  // The pointer's position during a drag, for placing a card within a cell.
  useEffect(() => {
    const track = (event: PointerEvent) => {
      pointer.current = { x: event.clientX, y: event.clientY };
    };
    window.addEventListener('pointermove', track, { capture: true, passive: true });
    return () => window.removeEventListener('pointermove', track, { capture: true });
  }, []);

  const coordinateGetter = useMemo<KeyboardCoordinateGetter>(() => {
    const forCards = createCardKeyboardCoordinates(read, keyboardSlot);
    return (event, args) =>
      readDragData(args.context.active?.data.current)?.type === 'lane'
        ? laneKeyboardCoordinates(read, event, args.context)
        : forCards(event, args);
  }, [read, keyboardSlot]);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click still opens the editor.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );
  const announcements = useMemo(
    () => createDragAnnouncements(read, () => useUiStore.getState().selectedCardIds.size),
    [read],
  );

  const cardTargetOf = ({
    active,
    over,
  }: {
    active: Active;
    over: Over | null;
  }): CardDropTarget | null => {
    const board = read();
    const activeId = String(active.id);
    let described: CardDropOver | null;
    if (viaKeyboard.current) described = keyboardDropOver(board, activeId, keyboardSlot.get());
    else {
      const cell = readDragData(over?.data.current);
      described =
        cell?.type === 'cell'
          ? pointerDropOver(activeId, cell.stageId, cell.laneId, pointer.current.y)
          : null;
    }
    return described ? resolveCardDrop(board, activeId, described) : null;
  };

  const showIndicator = (event: DragMoveEvent) => {
    const data = readDragData(event.active.data.current);
    const overData = readDragData(event.over?.data.current);
    if (data?.type === 'lane') {
      setLaneDropBeforeId(
        overData?.type === 'lane' && overData.laneId !== data.laneId ? overData.laneId : null,
      );
      return;
    }
    if (data?.type === 'palette') {
      setDropIndicator(
        overData?.type === 'cell'
          ? { cellKey: cellKey(overData.stageId, overData.laneId), beforeCardId: null }
          : null,
      );
      return;
    }
    const target = cardTargetOf(event);
    setDropIndicator(
      target
        ? { cellKey: cellKey(target.stageId, target.laneId), beforeCardId: target.beforeCardId }
        : null,
    );
  };

  const finish = () => {
    dragging.current = false;
    keyboardSlot.set(null);
    setDraggingCardId(null);
    setActiveData(null);
    setDropIndicator(null);
    setLaneDropBeforeId(null);
  };

  const dropCard = (event: DragEndEvent) => {
    const cardId = String(event.active.id);
    const target = cardTargetOf(event);
    if (!target) return;
    const selected = useUiStore.getState().selectedCardIds;
    if (selected.size > 1 && selected.has(cardId)) {
      const board = read();
      const ids = selectionInBoardOrder(board, selected);
      const staying = (board.cells.get(cellKey(target.stageId, target.laneId)) ?? []).filter(
        (id) => !selected.has(id),
      );
      const index = target.beforeCardId ? staying.indexOf(target.beforeCardId) : -1;
      actions.moveCards(ids, {
        stageId: target.stageId,
        laneId: target.laneId,
        index: index === -1 ? staying.length : index,
      });
      return;
    }
    actions.moveCard(cardId, {
      stageId: target.stageId,
      laneId: target.laneId,
      index: target.index,
    });
  };

  const onDragEnd = (event: DragEndEvent) => {
    const data = readDragData(event.active.data.current);
    const overData = readDragData(event.over?.data.current);
    // The card's target is read before `finish` forgets the keyboard slot.
    if (data?.type === 'card') dropCard(event);
    const keyboardMove = viaKeyboard.current && data?.type === 'card';
    finish();
    // Moved with the keyboard: the keys go on working on the card where it is now.
    if (keyboardMove) focusCardWhenDrawn(data.cardId);
    if (data?.type === 'card') return;
    if (data?.type === 'palette' && overData?.type === 'cell') {
      const fields = newCardFields(data.kind);
      const cardId = actions.addCard(overData.stageId, overData.laneId, '', fields);
      if (cardId) startEditingCard(cardId);
    } else if (data?.type === 'lane' && overData?.type === 'lane') {
      const toIndex = read().lanes.findIndex((lane) => lane.id === overData.laneId);
      if (toIndex !== -1) actions.moveLane(data.laneId, toIndex);
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions }}
      id={CARD_DRAG_INSTRUCTIONS_ID}
      onDragStart={({ active, activatorEvent }: DragStartEvent) => {
        dragging.current = true;
        viaKeyboard.current = activatorEvent instanceof KeyboardEvent;
        if (activatorEvent instanceof PointerEvent) {
          pointer.current = { x: activatorEvent.clientX, y: activatorEvent.clientY };
        }
        const data = readDragData(active.data.current);
        if (data?.type === 'card') setDraggingCardId(data.cardId);
        setActiveData(data);
      }}
      onDragMove={showIndicator}
      onDragOver={showIndicator}
      onDragEnd={onDragEnd}
      onDragCancel={finish}
    >
      <CardDragSourceProvider isDragging={isDragging}>{children}</CardDragSourceProvider>
      {/* Its own compositor layer: moving it must not re-layerize the whole board each frame. */}
      <DragOverlay dropAnimation={null} className="drag-overlay">
        {activeData?.type === 'card' ? <CardPreview cardId={activeData.cardId} /> : null}
        {activeData?.type === 'palette' ? <PalettePreview kind={activeData.kind} /> : null}
        {activeData?.type === 'lane' ? <LanePreview laneId={activeData.laneId} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
