import { describe, expect, it } from 'vitest';
import { addCardTo, idsByTitle, makeTemplateDoc, readDoc } from './testing/board-fixture.tsx';
import { resolveCardDrop } from './card-drop.ts';

function board() {
  const doc = makeTemplateDoc();
  const a = addCardTo(doc, 'Awareness', 'Touchpoints', 'a');
  const b = addCardTo(doc, 'Awareness', 'Touchpoints', 'b');
  const c = addCardTo(doc, 'Awareness', 'Touchpoints', 'c');
  const x = addCardTo(doc, 'Purchase', 'Touchpoints', 'x');
  const { stage, lane } = idsByTitle(doc);
  return { snapshot: readDoc(doc), a, b, c, x, stage, lane };
}

describe('resolveCardDrop', () => {
  it('inserts before or after the card it is dropped on, in another cell', () => {
    const { snapshot, a, x, stage, lane } = board();
    const target = { stageId: stage('Purchase'), laneId: lane('Touchpoints') };
    expect(resolveCardDrop(snapshot, a, { kind: 'card', cardId: x, after: false })).toEqual({
      ...target,
      index: 0,
      beforeCardId: x,
    });
    expect(resolveCardDrop(snapshot, a, { kind: 'card', cardId: x, after: true })).toEqual({
      ...target,
      index: 1,
      beforeCardId: null,
    });
  });

  it('reorders within a cell, counting positions without the dragged card', () => {
    const { snapshot, a, b, c } = board();
    // a below c → [b, c, a]
    expect(resolveCardDrop(snapshot, a, { kind: 'card', cardId: c, after: true })).toMatchObject({
      index: 2,
      beforeCardId: null,
    });
    // c above a → [c, a, b]
    expect(resolveCardDrop(snapshot, c, { kind: 'card', cardId: a, after: false })).toMatchObject({
      index: 0,
      beforeCardId: a,
    });
    // b onto the upper half of c lands where it already is
    expect(resolveCardDrop(snapshot, b, { kind: 'card', cardId: c, after: false })).toBeNull();
  });

  it('appends when dropped on a cell and ignores drops on itself', () => {
    const { snapshot, a, c, stage, lane } = board();
    const empty = { stageId: stage('Retention'), laneId: lane('Pain points') };
    expect(resolveCardDrop(snapshot, a, { kind: 'cell', ...empty })).toEqual({
      ...empty,
      index: 0,
      beforeCardId: null,
    });
    expect(resolveCardDrop(snapshot, a, { kind: 'card', cardId: a, after: true })).toBeNull();
    // c is already last in its own cell
    const own = { stageId: stage('Awareness'), laneId: lane('Touchpoints') };
    expect(resolveCardDrop(snapshot, c, { kind: 'cell', ...own })).toBeNull();
  });
});
