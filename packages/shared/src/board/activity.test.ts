import { describe, expect, it } from 'vitest';
import { foldChanges } from './activity.ts';
import { diffBoards } from './diff.ts';
import { addCard, setCardText } from './ops.ts';
import { readBoard } from './state.ts';
import { makeBoard } from './test-helpers.ts';

/** One board without, with and with an edited card: the changes between them. */
function boards() {
  const { doc } = makeBoard();
  const empty = readBoard(doc);
  const cardId = addCard(doc, {
    stageId: empty.stages[0]!.id,
    laneId: empty.lanes[0]!.id,
    text: 'Welcome email',
  })!;
  const withCard = readBoard(doc);
  setCardText(doc, cardId, 'Welcome call');
  const edited = readBoard(doc);
  return { empty, withCard, edited };
}

describe('foldChanges', () => {
  it('leaves nothing of a card removed and back as it was (an undo, then a redo)', () => {
    const { empty, withCard } = boards();
    expect(foldChanges(diffBoards(withCard, empty), diffBoards(empty, withCard))).toEqual([]);
  });

  it('leaves nothing of a card added and removed again', () => {
    const { empty, withCard } = boards();
    expect(foldChanges(diffBoards(empty, withCard), diffBoards(withCard, empty))).toEqual([]);
  });

  it('keeps a card removed and back with other text: both, as they happened', () => {
    const { empty, withCard, edited } = boards();
    const folded = foldChanges(diffBoards(withCard, empty), diffBoards(empty, edited));
    expect(folded.map((change) => change.kind)).toEqual(['card.removed', 'card.added']);
  });

  it('folds a text edited twice into one change, and drops it once it is back as it was', () => {
    const { withCard, edited } = boards();
    const twice = foldChanges(diffBoards(withCard, edited), diffBoards(edited, withCard));
    expect(twice).toEqual([]);
  });
});
