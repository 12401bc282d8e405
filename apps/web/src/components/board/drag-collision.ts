import { closestCenter, type CollisionDetection, type DroppableContainer } from '@dnd-kit/core';
import { holdsCards, newCardFits } from '@journeyboard/shared/board';
import type { Point } from './canvas-geometry.ts';
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
 * The droppable whose rect holds a point (cells never overlap). Reads only
 * each rect's `left` and `top`: dnd-kit's droppable rects follow scrolling
 * through getters that read every scrollable ancestor's scroll offset, and
 * at 96 cells those reads were most of a drag frame (docs/benchmarks.md).
 */
function droppableAt(
  point: Point,
  { droppableContainers, droppableRects }: Parameters<CollisionDetection>[0],
): ReturnType<CollisionDetection> {
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect || container.disabled) continue;
    const left = rect.left;
    if (point.x < left || point.x > left + rect.width) continue;
    const top = rect.top;
    if (point.y >= top && point.y <= top + rect.height) {
      return [{ id: container.id, data: { droppableContainer: container, value: 0 } }];
    }
  }
  return [];
}

/**
 * Collision detection for everything dragged on the grid. Each drag only
 * sees the droppables it may land on: cards and palette types land in the
 * cell under the pointer (where in the cell is worked out from the cards'
 * positions on screen, see board-drag-and-drop.tsx), or, moved by the
 * keyboard, the cell holding the card's top-left corner (card-keyboard.ts
 * places it exactly on its target slot); lanes land on the nearest lane.
 *
 * dnd-kit asks again on every render of its context, several times for one
 * pointer move: the answer is kept until the pointer, the dragged rect (it
 * moves when the board scrolls) or the measured droppables change.
 */
export function createBoardCollisionDetection(): CollisionDetection {
  let last: { key: readonly unknown[]; result: ReturnType<CollisionDetection> } | null = null;
  return (args) => {
    const { active, collisionRect, pointerCoordinates, droppableRects, droppableContainers } = args;
    const key = [
      active.id,
      pointerCoordinates?.x,
      pointerCoordinates?.y,
      collisionRect.left,
      collisionRect.top,
      droppableRects,
      droppableContainers.length,
    ];
    if (last && key.every((part, index) => Object.is(part, last!.key[index]))) return last.result;
    const result = detect(args);
    last = { key, result };
    return result;
  };
}

function detect(args: Parameters<CollisionDetection>[0]): ReturnType<CollisionDetection> {
  const active = readDragData(args.active.data.current);
  const droppableContainers = args.droppableContainers.filter((container) =>
    accepts(active, dataOf(container)),
  );
  const scoped = { ...args, droppableContainers };
  if (active?.type === 'lane') return closestCenter(scoped);
  const point = args.pointerCoordinates ?? {
    x: args.collisionRect.left + 1,
    y: args.collisionRect.top + 1,
  };
  return droppableAt(point, scoped);
}
