import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { BoardSnapshot } from '../../board/use-board.ts';
import { laneDraggableId, readDragData } from './drag-data.ts';

/**
 * Moves a keyboard-dragged lane one lane up or down per arrow press, by
 * board order: returns the top-left corner of the lane it would take the
 * place of.
 */
export function laneKeyboardCoordinates(
  read: () => BoardSnapshot,
  event: KeyboardEvent,
  context: Parameters<KeyboardCoordinateGetter>[1]['context'],
): { x: number; y: number } | undefined {
  if (event.code !== 'ArrowUp' && event.code !== 'ArrowDown') return undefined;
  event.preventDefault();
  const { active, over, droppableRects } = context;
  const activeData = readDragData(active?.data.current);
  if (activeData?.type !== 'lane') return undefined;
  const overData = readDragData(over?.data.current);
  const lanes = read().lanes;
  const currentId = overData?.type === 'lane' ? overData.laneId : activeData.laneId;
  const index = lanes.findIndex((lane) => lane.id === currentId);
  const next = lanes[index + (event.code === 'ArrowDown' ? 1 : -1)];
  const rect = next ? droppableRects.get(laneDraggableId(next.id)) : undefined;
  return rect ? { x: rect.left, y: rect.top } : undefined;
}
