import { describe, expect, it } from 'vitest';
import {
  addCardTo,
  idsByTitle,
  makeTemplateDoc,
  readDoc,
} from '../../board/testing/board-fixture.tsx';
import type { SensorContext } from '@dnd-kit/core';
import { createCardKeyboardCoordinates, keyboardTarget, SlotHolder } from './card-keyboard.ts';
import { cellDroppableId } from './drag-data.ts';

function setup() {
  const doc = makeTemplateDoc();
  const a = addCardTo(doc, 'Awareness', 'Touchpoints', 'a');
  const b = addCardTo(doc, 'Awareness', 'Touchpoints', 'b');
  const x = addCardTo(doc, 'Consideration', 'Touchpoints', 'x');
  const { stage, lane } = idsByTitle(doc);
  return {
    board: readDoc(doc),
    a,
    b,
    x,
    cell: (s: string, l: string) => cellDroppableId(stage(s), lane(l)),
  };
}

const overCard = (cardId: string) => ({ type: 'card', cardId });

describe('keyboardTarget', () => {
  it('steps through the cards of the card’s own cell, its own slot meaning “stay”', () => {
    const { board, a, b } = setup();
    expect(keyboardTarget(board, a, undefined, 'ArrowDown')).toBe(b);
    expect(keyboardTarget(board, a, overCard(b), 'ArrowUp')).toBe(a);
  });

  it('moves on to the next card lane, skipping the emotion lane', () => {
    const { board, a, b, cell } = setup();
    expect(keyboardTarget(board, a, overCard(b), 'ArrowDown')).toBe(
      cell('Awareness', 'Customer actions'),
    );
    const pain = { type: 'cell', ...idsOf(cell('Awareness', 'Pain points')) };
    expect(keyboardTarget(board, a, pain, 'ArrowDown')).toBe(cell('Awareness', 'Opportunities'));
    expect(keyboardTarget(board, a, undefined, 'ArrowUp')).toBeNull();
  });

  it('jumps sideways to the same lane of the next stage, keeping the slot where it can', () => {
    const { board, a, b, x, cell } = setup();
    expect(keyboardTarget(board, a, undefined, 'ArrowRight')).toBe(x);
    // Slot 1 of Consideration is "after x" (the cell itself).
    expect(keyboardTarget(board, b, undefined, 'ArrowRight')).toBe(
      cell('Consideration', 'Touchpoints'),
    );
    expect(keyboardTarget(board, a, undefined, 'ArrowLeft')).toBeNull();
  });
});

function idsOf(droppableId: string) {
  const [, stageId, laneId] = droppableId.split(':');
  return { stageId: stageId!, laneId: laneId! };
}

describe('the keyboard coordinates of a card being moved', () => {
  it('reads a cell not yet measured for the drag from the page, instead of losing the key', () => {
    const doc = makeTemplateDoc();
    const card = addCardTo(doc, 'Awareness', 'Touchpoints', 'Billboard');
    const { stage, lane } = idsByTitle(doc);
    const next = cellDroppableId(stage('Consideration'), lane('Touchpoints'));
    const cell = document.createElement('div');
    cell.getBoundingClientRect = () =>
      DOMRect.fromRect({ x: 360, y: 170, width: 200, height: 110 });
    const context = {
      active: { id: card },
      droppableRects: new Map(),
      droppableContainers: new Map([[next, { node: { current: cell } }]]),
    } as unknown as SensorContext;
    const move = createCardKeyboardCoordinates(() => readDoc(doc), new SlotHolder());
    const event = new KeyboardEvent('keydown', { code: 'ArrowRight' });
    // Before, a busy machine's first → did nothing: this cell's rect wasn't measured yet.
    expect(move(event, { active: card, currentCoordinates: { x: 160, y: 170 }, context })).toEqual({
      x: 360,
      y: 170,
    });
  });
});
