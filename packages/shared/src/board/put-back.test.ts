import { describe, expect, it } from 'vitest';
import {
  addCard,
  addLane,
  deleteCard,
  deleteLane,
  deleteStage,
  editCardText,
  putBackCard,
  updateCard,
} from './ops.ts';
import { makeReplicas } from './test-helpers.ts';
import { cellKey } from './types.ts';

/** A card someone else deleted while this replica changed it: putting it back as this replica last had it. */
describe('putBackCard', () => {
  function deletedWhileEdited() {
    const { a, b, sync } = makeReplicas();
    const [stage] = a.store.getSnapshot().stages;
    const [lane] = a.store.getSnapshot().lanes;
    const cell = { stageId: stage!.id, laneId: lane!.id };
    const ids = ['first', 'middle', 'last'].map((text) => addCard(a.doc, { ...cell, text })!);
    sync();
    editCardText(b.doc, ids[1]!, 'middle', 'middle, edited away from the server');
    updateCard(b.doc, ids[1]!, { color: 'red', momentOfTruth: true });
    const asLeft = b.store.getSnapshot().cards.get(ids[1]!)!;
    deleteCard(a.doc, ids[1]!);
    sync();
    return { a, b, sync, cell, ids, asLeft };
  }

  const texts = (store: ReturnType<typeof makeReplicas>['a']['store'], key: string) =>
    (store.getSnapshot().cells.get(key) ?? []).map((id) => store.getSnapshot().cards.get(id)!.text);

  it('brings the card back with its id, its text and fields as left, in its old rank, for everyone', () => {
    const { a, b, sync, cell, ids, asLeft } = deletedWhileEdited();
    // The merge keeps the deletion: the edit is gone on both sides.
    expect(b.store.getSnapshot().cards.has(ids[1]!)).toBe(false);

    expect(putBackCard(b.doc, asLeft)).toEqual(cell);
    sync();
    const key = cellKey(cell.stageId, cell.laneId);
    expect(texts(a.store, key)).toEqual(['first', 'middle, edited away from the server', 'last']);
    expect(a.store.getSnapshot().cards.get(ids[1]!)).toMatchObject({
      color: 'red',
      momentOfTruth: true,
    });
  });

  it('does nothing to a card that is on the board', () => {
    const { b, asLeft } = deletedWhileEdited();
    putBackCard(b.doc, asLeft);
    expect(putBackCard(b.doc, { ...asLeft, text: 'again' })).toBeNull();
    expect(b.store.getSnapshot().cards.get(asLeft.id)!.text).toBe(
      'middle, edited away from the server',
    );
  });

  it('goes to the first lane of its old kind when its lane was deleted too, else the first lane', () => {
    const { a, b, sync } = makeReplicas();
    const [stage] = a.store.getSnapshot().stages;
    const [first, painPoints] = a.store.getSnapshot().lanes;
    const laterPains = addLane(a.doc, { title: 'More pains', kind: painPoints!.kind });
    const id = addCard(a.doc, { stageId: stage!.id, laneId: painPoints!.id, text: 'kept' })!;
    sync();
    const asLeft = b.store.getSnapshot().cards.get(id)!;
    deleteLane(a.doc, painPoints!.id);
    sync();
    expect(putBackCard(b.doc, asLeft, painPoints!.kind)).toEqual({
      stageId: stage!.id,
      laneId: laterPains,
    });

    deleteCard(b.doc, id);
    deleteLane(b.doc, laterPains);
    expect(putBackCard(b.doc, asLeft, painPoints!.kind)).toEqual({
      stageId: stage!.id,
      laneId: first!.id,
    });
  });

  it('moves a card added to a stage someone deleted meanwhile to a stage that is shown', () => {
    const { a, b, sync } = makeReplicas();
    const [first, second] = a.store.getSnapshot().stages;
    const [lane] = a.store.getSnapshot().lanes;
    // b adds a card to the second stage while a deletes that stage: the card
    // stays among the board's cards, in no cell.
    const id = addCard(b.doc, { stageId: second!.id, laneId: lane!.id, text: 'added away' })!;
    const asLeft = b.store.getSnapshot().cards.get(id)!;
    deleteStage(a.doc, second!.id);
    sync();
    expect(b.store.getSnapshot().cards.has(id)).toBe(true);
    expect([...b.store.getSnapshot().cells.values()].flat()).not.toContain(id);

    expect(putBackCard(b.doc, asLeft, lane!.kind)).toEqual({
      stageId: first!.id,
      laneId: lane!.id,
    });
    sync();
    expect(texts(a.store, cellKey(first!.id, lane!.id))).toContain('added away');
  });

  it('keeps the order of several cards put back one after another, and their place before a card that stayed', () => {
    const { a, b, sync } = makeReplicas();
    const [stage] = a.store.getSnapshot().stages;
    const [lane] = a.store.getSnapshot().lanes;
    const cell = { stageId: stage!.id, laneId: lane!.id };
    const ids = ['first', 'second', 'third', 'stayed'].map((text) =>
      addCard(a.doc, { ...cell, text })!,
    );
    sync();
    const asLeft = ids.slice(0, 3).map((id) => b.store.getSnapshot().cards.get(id)!);
    ids.slice(0, 3).forEach((id) => deleteCard(a.doc, id));
    sync();

    for (const card of asLeft) putBackCard(b.doc, card);
    sync();
    expect(texts(a.store, cellKey(cell.stageId, cell.laneId))).toEqual([
      'first',
      'second',
      'third',
      'stayed',
    ]);
  });
});
