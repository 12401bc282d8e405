import {
  closestCenter,
  pointerWithin,
  type CollisionDetection,
  type DroppableContainer,
} from '@dnd-kit/core';
import { holdsCards, newCardFits } from '@journeyboard/shared/board';
import { readDragData, type GridDragData } from './drag-data.ts';

const dataOf = (container: DroppableContainer) => readDragData(container.data.current);

/** Which droppables a drag of this type may land on. */
function accepts(active: GridDragData | null, target: GridDragData | null): boolean {
  if (!active || !target) return false;
  switch (active.type) {
    case 'card':
      return target.type === 'cell' && holdsCards(target.laneKind);
    case 'palette':
      // A palette card goes into a lane of its own kind; a note fits any card lane.
      return target.type === 'cell' && newCardFits(active.kind, target.laneKind);
    case 'lane':
      return target.type === 'lane';
    default:
      return false;
  }
}

/**
 * The keyboard places a dragged card exactly on its target slot's top-left
 * corner (see card-keyboard.ts), so the target is the cell that contains
 * that corner.
 */
const cellContainingCorner: CollisionDetection = ({
  collisionRect,
  droppableContainers,
  droppableRects,
}) => {
  const x = collisionRect.left + 1;
  const y = collisionRect.top + 1;
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect || container.disabled) continue;
    if (
      x >= rect.left &&
      x <= rect.left + rect.width &&
      y >= rect.top &&
      y <= rect.top + rect.height
    ) {
      return [{ id: container.id, data: { droppableContainer: container, value: 0 } }];
    }
  }
  return [];
};

/**
 * Collision detection for everything dragged on the grid. Each drag only
 * sees the droppables it may land on: cards and palette types land in cells
 * (where in the cell is worked out from the cards' positions on screen, see
 * board-drag-and-drop.tsx), lanes on the nearest lane.
 */
export const boardCollisionDetection: CollisionDetection = (args) => {
  const active = readDragData(args.active.data.current);
  const droppableContainers = args.droppableContainers.filter((container) =>
    accepts(active, dataOf(container)),
  );
  const scoped = { ...args, droppableContainers };
  if (active?.type === 'lane') return closestCenter(scoped);
  if (!args.pointerCoordinates) return cellContainingCorner(scoped);
  return pointerWithin(scoped);
};
