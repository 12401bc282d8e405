import type { LaneKind } from '../../board/use-board.ts';

/**
 * What dnd-kit carries for each draggable/droppable on the grid, so the drop
 * handler can tell a card from a cell without parsing ids.
 */
export interface CardDragData {
  readonly type: 'card';
  readonly cardId: string;
}

export interface CellDropData {
  readonly type: 'cell';
  readonly stageId: string;
  readonly laneId: string;
  readonly laneKind: LaneKind;
}

/** A card type dragged from the palette: creates a card where it is dropped. */
export interface PaletteDragData {
  readonly type: 'palette';
  /** A kind that holds cards. */
  readonly kind: LaneKind;
}

/** A lane dragged by its handle, and the lane titles it can be dropped on. */
export interface LaneDragData {
  readonly type: 'lane';
  readonly laneId: string;
}

export type GridDragData = CardDragData | CellDropData | PaletteDragData | LaneDragData;

/** Cells' droppable ids are prefixed so they can never collide with card ids. */
export const laneDraggableId = (laneId: string) => `lane:${laneId}`;
export const paletteDraggableId = (kind: LaneKind) => `palette:${kind}`;
export const cellDroppableId = (stageId: string, laneId: string) => `cell:${stageId}:${laneId}`;

export function readDragData(data: unknown): GridDragData | null {
  if (typeof data !== 'object' || data === null || !('type' in data)) return null;
  return data.type === 'card' ||
    data.type === 'cell' ||
    data.type === 'palette' ||
    data.type === 'lane'
    ? (data as GridDragData)
    : null;
}
