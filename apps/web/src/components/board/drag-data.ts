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
}

export type GridDragData = CardDragData | CellDropData;

/** Cells' droppable ids are prefixed so they can never collide with card ids. */
export const cellDroppableId = (stageId: string, laneId: string) => `cell:${stageId}:${laneId}`;

export function readDragData(data: unknown): GridDragData | null {
  if (typeof data !== 'object' || data === null || !('type' in data)) return null;
  return data.type === 'card' || data.type === 'cell' ? (data as GridDragData) : null;
}
