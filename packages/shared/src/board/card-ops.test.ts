import { describe, expect, it } from 'vitest';
import {
  addCard,
  deleteCards,
  duplicateCard,
  editCardText,
  moveCards,
  setCardText,
  setEmotion,
  setEmotionNote,
  setLaneCollapsed,
  updateCard,
  updateStage,
} from './ops.ts';
import { makeBoard } from './test-helpers.ts';
import { DEFAULT_CARD_FIELDS } from './card-fields.ts';
import { CARD_TEXT_MAX, cellKey } from './types.ts';

function setup() {
  const board = makeBoard();
  const snapshot = board.store.getSnapshot();
  const [s1, s2] = snapshot.stages;
  const [l1, l2] = snapshot.lanes;
  const cell = (stageId: string, laneId: string) =>
    (board.store.getSnapshot().cells.get(cellKey(stageId, laneId)) ?? []).map(
      (id) => board.store.getSnapshot().cards.get(id)?.text,
    );
  return { ...board, s1: s1!.id, s2: s2!.id, l1: l1!.id, l2: l2!.id, cell };
}

describe('card fields', () => {
  it('a new card has the default fields; addCard can set some', () => {
    const { doc, store, s1, l1 } = setup();
    const plain = addCard(doc, { stageId: s1, laneId: l1 })!;
    const email = addCard(doc, { stageId: s1, laneId: l1, fields: { channel: 'email' } })!;
    expect(store.getSnapshot().cards.get(plain)).toMatchObject(DEFAULT_CARD_FIELDS);
    expect(store.getSnapshot().cards.get(email)?.channel).toBe('email');
  });

  it('updateCard writes valid values and ignores invalid ones', () => {
    const { doc, store, s1, l1 } = setup();
    const id = addCard(doc, { stageId: s1, laneId: l1 })!;
    expect(
      updateCard(doc, id, {
        severity: 3,
        impact: 2,
        effort: 1,
        channel: 'phone',
        color: 'pink',
        momentOfTruth: true,
        owner: 'Support',
        metricName: 'NPS',
        metricCurrent: '32',
        metricTarget: '45',
        metricUnit: 'pts',
      }),
    ).toBe(true);
    expect(store.getSnapshot().cards.get(id)).toMatchObject({
      severity: 3,
      channel: 'phone',
      color: 'pink',
      momentOfTruth: true,
      owner: 'Support',
      metricTarget: '45',
    });
    updateCard(doc, id, {
      severity: 7 as never,
      channel: 'fax' as never,
      color: 'mauve' as never,
      owner: 'x'.repeat(500),
    });
    const card = store.getSnapshot().cards.get(id)!;
    expect([card.severity, card.channel, card.color]).toEqual([3, 'phone', 'pink']);
    expect(card.owner).toHaveLength(120);
    updateCard(doc, id, { severity: null });
    expect(store.getSnapshot().cards.get(id)?.severity).toBeNull();
    expect(updateCard(doc, 'missing', { severity: 1 })).toBe(false);
  });

  it('writing the same value changes nothing (no snapshot, no undo step)', () => {
    const { doc, store, s1, l1 } = setup();
    const id = addCard(doc, { stageId: s1, laneId: l1, fields: { severity: 2 } })!;
    const before = store.getSnapshot();
    updateCard(doc, id, { severity: 2 });
    expect(store.getSnapshot()).toBe(before);
  });
});

describe('addCard with an id of its own', () => {
  it('adds the card under that id once; adding it again changes nothing (a retried reveal)', () => {
    const { doc, store, s1, l1, cell } = setup();
    const fields = { addedBy: 'Gabi Guest' };
    expect(addCard(doc, { id: 'abc123', stageId: s1, laneId: l1, text: 'idea', fields })).toBe(
      'abc123',
    );
    const before = store.getSnapshot();
    expect(addCard(doc, { id: 'abc123', stageId: s1, laneId: l1, text: 'idea again' })).toBe(
      'abc123',
    );
    expect(store.getSnapshot()).toBe(before);
    expect(cell(s1, l1)).toEqual(['idea']);
    expect(before.cards.get('abc123')?.addedBy).toBe('Gabi Guest');
  });
});

describe('editCardText', () => {
  it('applies only the editor’s change on top of the current text', () => {
    const { doc, store, s1, l1 } = setup();
    const id = addCard(doc, { stageId: s1, laneId: l1, text: 'checkout form' })!;
    // Someone else edits while my editor is open with "checkout form".
    editCardText(doc, id, 'checkout form', 'checkout form errors');
    editCardText(doc, id, 'checkout form', 'slow checkout form');
    expect(store.getSnapshot().cards.get(id)?.text).toBe('slow checkout form errors');
    expect(editCardText(doc, 'missing', 'a', 'b')).toBe(false);
  });
});

describe('card text length', () => {
  it(`keeps a card's text to ${CARD_TEXT_MAX} characters however it is written, so the map exports and imports again`, () => {
    const { doc, store, s1, l1 } = setup();
    const pasted = 'The customer explains the problem again. '.repeat(300); // ~12,300 characters
    const added = addCard(doc, { stageId: s1, laneId: l1, text: pasted })!;
    const edited = addCard(doc, { stageId: s1, laneId: l1, text: 'short' })!;
    editCardText(doc, edited, 'short', pasted);
    const set = addCard(doc, { stageId: s1, laneId: l1 })!;
    setCardText(doc, set, pasted);
    for (const id of [added, edited, set]) {
      expect(store.getSnapshot().cards.get(id)?.text).toBe(pasted.slice(0, CARD_TEXT_MAX));
    }
    // Never half of a character written as two UTF-16 units (an emoji).
    const emoji = addCard(doc, {
      stageId: s1,
      laneId: l1,
      text: `${'x'.repeat(CARD_TEXT_MAX - 1)}😀`,
    })!;
    expect(store.getSnapshot().cards.get(emoji)?.text).toBe('x'.repeat(CARD_TEXT_MAX - 1));
  });
});

describe('duplicate, multi-move and multi-delete', () => {
  it('duplicates a card with its fields right below the original', () => {
    const { doc, store, s1, l1, cell } = setup();
    const a = addCard(doc, { stageId: s1, laneId: l1, text: 'A', fields: { color: 'green' } })!;
    addCard(doc, { stageId: s1, laneId: l1, text: 'B' });
    const copy = duplicateCard(doc, a)!;
    expect(cell(s1, l1)).toEqual(['A', 'A', 'B']);
    expect(store.getSnapshot().cards.get(copy)).toMatchObject({ text: 'A', color: 'green' });
    expect(copy).not.toBe(a);
    expect(duplicateCard(doc, 'missing')).toBeNull();
  });

  it('moves several cards into one cell as a block, in the given order', () => {
    const { doc, s1, s2, l1, l2, cell } = setup();
    const a = addCard(doc, { stageId: s1, laneId: l1, text: 'A' })!;
    const b = addCard(doc, { stageId: s1, laneId: l2, text: 'B' })!;
    addCard(doc, { stageId: s2, laneId: l1, text: 'X' });
    addCard(doc, { stageId: s2, laneId: l1, text: 'Y' });
    expect(moveCards(doc, [a, b, 'gone'], { stageId: s2, laneId: l1, index: 1 })).toBe(2);
    expect(cell(s2, l1)).toEqual(['X', 'A', 'B', 'Y']);
    expect(cell(s1, l1)).toEqual([]);
    expect(moveCards(doc, [a], { stageId: 'nope', laneId: l1 })).toBe(0);
  });

  it('reorders within a cell when the moved cards are already there', () => {
    const { doc, s1, l1, cell } = setup();
    const a = addCard(doc, { stageId: s1, laneId: l1, text: 'A' })!;
    addCard(doc, { stageId: s1, laneId: l1, text: 'B' });
    const c = addCard(doc, { stageId: s1, laneId: l1, text: 'C' })!;
    moveCards(doc, [c, a], { stageId: s1, laneId: l1 });
    expect(cell(s1, l1)).toEqual(['B', 'C', 'A']);
  });

  it('deletes several cards at once', () => {
    const { doc, s1, l1, cell } = setup();
    const a = addCard(doc, { stageId: s1, laneId: l1, text: 'A' })!;
    addCard(doc, { stageId: s1, laneId: l1, text: 'B' });
    const c = addCard(doc, { stageId: s1, laneId: l1, text: 'C' })!;
    expect(deleteCards(doc, [a, c, a, 'gone'])).toBe(2);
    expect(cell(s1, l1)).toEqual(['B']);
  });
});

describe('stages, lanes and emotion notes', () => {
  it('describes a stage and flags it as a moment of truth', () => {
    const { doc, store, s1 } = setup();
    updateStage(doc, s1, { description: 'First contact', momentOfTruth: true });
    expect(store.getSnapshot().stages[0]).toMatchObject({
      description: 'First contact',
      momentOfTruth: true,
    });
    expect(updateStage(doc, 'missing', { title: 'x' })).toBe(false);
  });

  it('collapses and expands a lane', () => {
    const { doc, store, l1 } = setup();
    setLaneCollapsed(doc, l1, true);
    expect(store.getSnapshot().lanes[0]?.collapsed).toBe(true);
    setLaneCollapsed(doc, l1, false);
    expect(store.getSnapshot().lanes[0]?.collapsed).toBe(false);
    expect(setLaneCollapsed(doc, 'missing', true)).toBe(false);
  });

  it('notes an emotion point, only once it has a score', () => {
    const { doc, store, s1 } = setup();
    const lane = store.getSnapshot().lanes.find((l) => l.kind === 'emotion')!;
    expect(setEmotionNote(doc, { stageId: s1, laneId: lane.id, note: 'Why?' })).toBe(false);
    setEmotion(doc, { stageId: s1, laneId: lane.id, score: -1 });
    setEmotionNote(doc, { stageId: s1, laneId: lane.id, note: 'Confused by pricing' });
    expect(store.getSnapshot().emotions.get(cellKey(s1, lane.id))).toMatchObject({
      score: -1,
      note: 'Confused by pricing',
    });
  });
});
