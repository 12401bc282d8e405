import { describe, expect, it } from 'vitest';
import { addCard, deleteLane, moveCard } from './ops.ts';
import { findPlacedCard, listPlacedCards } from './queries.ts';
import { makeBoard } from './test-helpers.ts';

describe('placed cards', () => {
  it('finds a card with its stage and lane by name, and follows it when it moves', () => {
    const { doc, store } = makeBoard();
    const [awareness, consideration] = store.getSnapshot().stages;
    const pains = store.getSnapshot().lanes.find((lane) => lane.kind === 'pain');
    if (!awareness || !consideration || !pains) throw new Error('blank template changed');
    const id = addCard(doc, { stageId: awareness.id, laneId: pains.id, text: 'Slow checkout' });
    if (!id) throw new Error('no card');
    expect(findPlacedCard(doc, id)).toEqual({
      id,
      text: 'Slow checkout',
      stageId: awareness.id,
      stageTitle: 'Awareness',
      laneId: pains.id,
      laneTitle: pains.title,
      laneKind: 'pain',
    });
    moveCard(doc, id, { stageId: consideration.id, laneId: pains.id, index: 0 });
    expect(findPlacedCard(doc, id)?.stageTitle).toBe('Consideration');
    expect(listPlacedCards(doc).map((card) => card.id)).toContain(id);
  });

  it('knows no card that is missing or whose lane is gone', () => {
    const { doc, store } = makeBoard();
    const [stage] = store.getSnapshot().stages;
    const lane =
      store.getSnapshot().lanes.find((item) => item.kind === 'notes') ??
      store.getSnapshot().lanes[0];
    if (!stage || !lane) throw new Error('blank template changed');
    const id = addCard(doc, { stageId: stage.id, laneId: lane.id, text: 'Orphan soon' });
    expect(findPlacedCard(doc, 'no-such-card')).toBeNull();
    deleteLane(doc, lane.id);
    expect(findPlacedCard(doc, id ?? '')).toBeNull();
    expect(listPlacedCards(doc).some((card) => card.id === id)).toBe(false);
  });
});
