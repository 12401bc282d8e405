import type { CollisionDetection, DroppableContainer } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { createBoardCollisionDetection } from './drag-collision.ts';
import { cellDroppableId, type GridDragData } from './drag-data.ts';

type Args = Parameters<CollisionDetection>[0];

/**
 * A row of cells 100 px wide whose rects count how often their position is
 * read: like dnd-kit's, whose `left` and `top` read the scroll offsets of
 * every scrollable ancestor.
 */
function cells(count: number) {
  const reads = { count: 0 };
  const containers: DroppableContainer[] = [];
  const rects = new Map<string, Args['droppableRects'] extends Map<unknown, infer R> ? R : never>();
  for (let index = 0; index < count; index++) {
    const id = cellDroppableId(`stage-${index}`, 'lane-1');
    const data: GridDragData = {
      type: 'cell',
      stageId: `stage-${index}`,
      laneId: 'lane-1',
      laneKind: 'touchpoint',
    };
    containers.push({
      id,
      key: id,
      data: { current: data },
      disabled: false,
      node: { current: null },
      rect: { current: null },
    });
    const left = index * 100;
    rects.set(id, {
      width: 100,
      height: 200,
      get left() {
        reads.count++;
        return left;
      },
      get top() {
        reads.count++;
        return 0;
      },
      get right() {
        reads.count++;
        return left + 100;
      },
      get bottom() {
        reads.count++;
        return 200;
      },
    });
  }
  return { containers, rects, reads };
}

function args(
  board: ReturnType<typeof cells>,
  pointer: { x: number; y: number } | null,
  dragged = { left: 0, top: 0 },
): Args {
  const card: GridDragData = { type: 'card', cardId: 'card-1' };
  return {
    active: {
      id: 'card-1',
      data: { current: card },
      rect: { current: { initial: null, translated: null } },
    },
    collisionRect: { ...dragged, width: 80, height: 40, right: dragged.left + 80, bottom: 40 },
    droppableRects: board.rects,
    droppableContainers: board.containers,
    pointerCoordinates: pointer,
  };
}

describe('board collision detection', () => {
  it('finds the cell under the pointer, or under a keyboard-moved card’s corner', () => {
    const detect = createBoardCollisionDetection();
    const board = cells(12);
    expect(detect(args(board, { x: 350, y: 20 }))[0]?.id).toBe(
      cellDroppableId('stage-3', 'lane-1'),
    );
    expect(detect(args(board, null, { left: 720, top: 10 }))[0]?.id).toBe(
      cellDroppableId('stage-7', 'lane-1'),
    );
    expect(detect(args(board, { x: 350, y: 260 }))).toEqual([]);
  });

  it('reads the cells’ rects once for a pointer position, however often dnd-kit asks', () => {
    const detect = createBoardCollisionDetection();
    const board = cells(96);
    detect(args(board, { x: 9550, y: 20 }));
    const once = board.reads.count;
    // Only left and top, once per cell (its right and bottom would read the scroll offsets again).
    expect(once).toBeLessThanOrEqual(96 * 2);
    for (let render = 0; render < 5; render++) detect(args(board, { x: 9550, y: 20 }));
    expect(board.reads.count).toBe(once);
    // The pointer moved, or the board scrolled under the card: asked again.
    detect(args(board, { x: 9560, y: 20 }));
    detect(args(board, { x: 9560, y: 20 }, { left: 30, top: 0 }));
    expect(board.reads.count).toBe(once * 3);
  });
});
