import type { KeyboardCoordinateGetter, SensorContext } from '@dnd-kit/core';
import { cellKey, type BoardSnapshot } from '../../board/use-board.ts';
import { cellDroppableId, readDragData } from './drag-data.ts';

export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
const DIRECTIONS = new Set<string>(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

interface Slot {
  readonly stageIndex: number;
  readonly laneIndex: number;
  /** Droppable ids of the cell's slots, top to bottom. */
  readonly slots: readonly string[];
  readonly index: number;
}

/**
 * The places a card can go in one cell, as droppable ids: each card (the
 * dragged card's own slot means "stay"), then — in other cells — the cell
 * itself, meaning "at the end".
 */
function slotsOf(
  board: BoardSnapshot,
  stageId: string,
  laneId: string,
  activeId: string,
): string[] {
  const cards = board.cells.get(cellKey(stageId, laneId)) ?? [];
  return cards.includes(activeId) ? [...cards] : [...cards, cellDroppableId(stageId, laneId)];
}

/** The slot a keyboard drag has reached, shared by the coordinate getter and the drop handler. */
export class SlotHolder {
  private slot: string | null = null;
  get(): string | null {
    return this.slot;
  }
  set(slot: string | null): void {
    this.slot = slot;
  }
}

/** Turns a slot id (a card id, or a cell's droppable id) into what `keyboardTarget` reads. */
export function slotData(slotId: string): unknown {
  const cell = /^cell:([^:]+):([^:]+)$/.exec(slotId);
  return cell
    ? { type: 'cell', stageId: cell[1], laneId: cell[2] }
    : { type: 'card', cardId: slotId };
}

/** Where a slot is on screen: a cell's rect from dnd-kit (else from the DOM), a card's from the DOM. */
function slotRect(slotId: string, context: SensorContext) {
  if (slotId.startsWith('cell:')) {
    // As measured for the drag; a cell not measured yet (a busy machine measures the cells
    // after the pick-up is announced) is read from the page, or the key press did nothing.
    return (
      context.droppableRects.get(slotId) ??
      context.droppableContainers.get(slotId)?.node.current?.getBoundingClientRect()
    );
  }
  return document.querySelector(`[data-card-id="${CSS.escape(slotId)}"]`)?.getBoundingClientRect();
}

/**
 * Moves a keyboard-dragged card by board logic rather than geometry: Up/Down
 * step through the cards of a cell and on into the lane above/below;
 * Left/Right jump to the neighbouring stage in the same lane. Geometry-based
 * getters misjudge cards stacked in one column (their edges differ by
 * sub-pixels), so this one decides the target slot, remembers it in `slot`
 * (the drop handler reads it) and only then reads its position.
 */
export function createCardKeyboardCoordinates(
  read: () => BoardSnapshot,
  slot: SlotHolder,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    if (!DIRECTIONS.has(event.code)) return undefined;
    event.preventDefault();
    const { active } = context;
    if (!active) return undefined;
    const activeId = String(active.id);
    const targetId = keyboardTarget(
      read(),
      activeId,
      slotData(slot.get() ?? activeId),
      event.code as Direction,
    );
    const rect = targetId ? slotRect(targetId, context) : undefined;
    if (!targetId || !rect) return undefined;
    slot.set(targetId);
    return { x: rect.left, y: rect.top };
  };
}

/**
 * The droppable id a keyboard-dragged card goes to next, given what it is
 * over now (dnd-kit's `over.data.current`; nothing means its own slot).
 */
export function keyboardTarget(
  board: BoardSnapshot,
  activeId: string,
  overData: unknown,
  direction: Direction,
): string | null {
  const current = currentSlot(board, activeId, overData);
  return current ? nextSlot(board, activeId, current, direction) : null;
}

const cardLanes = (board: BoardSnapshot) => board.lanes.filter((lane) => lane.kind !== 'emotion');

function currentSlot(board: BoardSnapshot, activeId: string, overData: unknown): Slot | null {
  const data = readDragData(overData);
  let stageId: string;
  let laneId: string;
  let at: string;
  if (data?.type === 'cell') {
    ({ stageId, laneId } = data);
    at = cellDroppableId(stageId, laneId);
  } else {
    const cardId = data?.type === 'card' ? data.cardId : activeId;
    const card = board.cards.get(cardId);
    if (!card) return null;
    ({ stageId, laneId } = card);
    at = cardId;
  }
  const stageIndex = board.stages.findIndex((stage) => stage.id === stageId);
  const laneIndex = cardLanes(board).findIndex((lane) => lane.id === laneId);
  if (stageIndex === -1 || laneIndex === -1) return null;
  const slots = slotsOf(board, stageId, laneId, activeId);
  return { stageIndex, laneIndex, slots, index: Math.max(0, slots.indexOf(at)) };
}

function nextSlot(
  board: BoardSnapshot,
  activeId: string,
  current: Slot,
  direction: Direction,
): string | null {
  const lanes = cardLanes(board);
  const slotsAt = (stageIndex: number, laneIndex: number) => {
    const stage = board.stages[stageIndex];
    const lane = lanes[laneIndex];
    return stage && lane ? slotsOf(board, stage.id, lane.id, activeId) : null;
  };

  switch (direction) {
    case 'ArrowDown': {
      if (current.index < current.slots.length - 1) return current.slots[current.index + 1] ?? null;
      return slotsAt(current.stageIndex, current.laneIndex + 1)?.[0] ?? null;
    }
    case 'ArrowUp': {
      if (current.index > 0) return current.slots[current.index - 1] ?? null;
      return slotsAt(current.stageIndex, current.laneIndex - 1)?.at(-1) ?? null;
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = direction === 'ArrowRight' ? 1 : -1;
      const slots = slotsAt(current.stageIndex + step, current.laneIndex);
      if (!slots) return null;
      // Keep roughly the same height: the same slot number, or the last one.
      return slots[Math.min(current.index, slots.length - 1)] ?? null;
    }
  }
}
