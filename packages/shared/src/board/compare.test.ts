import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addStage, deleteCards, deleteStage, editCardText } from './ops.ts';
import { addGhosts } from './compare.ts';
import { readBoard } from './state.ts';
import { applyTemplate } from './templates.ts';

function boardWithCards() {
  const doc = new Y.Doc();
  applyTemplate(doc, 'blank');
  const board = readBoard(doc);
  const cell = { stageId: board.stages[0]!.id, laneId: board.lanes[0]!.id };
  const kept = addCard(doc, { ...cell, text: 'Kept' })!;
  const removed = addCard(doc, { ...cell, text: 'Removed later' })!;
  return { doc, kept, removed };
}

describe('addGhosts', () => {
  it('puts back what the earlier board had and the later one lost, and nothing else', () => {
    const { doc, kept, removed } = boardWithCards();
    const stageId = addStage(doc, { title: 'Gone stage' });
    const earlier = readBoard(doc);
    deleteCards(doc, [removed]);
    deleteStage(doc, stageId);
    editCardText(doc, kept, 'Kept', 'Kept and edited');

    const ghosts = addGhosts(doc, earlier);

    expect([...ghosts.cardIds]).toEqual([removed]);
    expect([...ghosts.stageIds]).toEqual([stageId]);
    const shown = readBoard(doc);
    expect(shown.cards.get(removed)?.text).toBe('Removed later');
    // The later board's own state wins where both have the thing.
    expect(shown.cards.get(kept)?.text).toBe('Kept and edited');
  });

  it('adds nothing when nothing was removed', () => {
    const { doc } = boardWithCards();
    const earlier = readBoard(doc);
    const ghosts = addGhosts(doc, earlier);
    expect(ghosts.cardIds.size + ghosts.stageIds.size + ghosts.laneIds.size).toBe(0);
  });
});
