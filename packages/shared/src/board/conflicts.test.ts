import { describe, expect, it } from 'vitest';
import {
  addCard,
  deleteCard,
  deleteLane,
  duplicateCard,
  editCardText,
  moveCard,
  moveCards,
  moveLane,
  updateCard,
} from './ops.ts';
import { inspectBoard, repairBoard } from './integrity.ts';
import { makeReplicas } from './test-helpers.ts';

/** Concurrent edits on two replicas, exchanged only at `sync()`. */
describe('concurrent edits converge (lanes, several cards, duplicates, fields)', () => {
  it('two people reordering lanes at once: both moves count, order is identical', () => {
    const { a, b, sync } = makeReplicas();
    const lanes = a.store.getSnapshot().lanes;
    moveLane(a.doc, lanes[0]!.id, 4);
    moveLane(b.doc, lanes[4]!.id, 0);
    sync();
    const orderA = a.store.getSnapshot().lanes.map((lane) => lane.title);
    expect(b.store.getSnapshot().lanes.map((lane) => lane.title)).toEqual(orderA);
    expect(orderA[0]).toBe('Opportunities');
    expect(orderA.at(-1)).toBe('Touchpoints');
  });

  it('two people moving overlapping selections: every card ends in exactly one cell, the same on both', () => {
    const { a, b, sync } = makeReplicas();
    const [s1, s2, s3] = a.store.getSnapshot().stages;
    const [l1] = a.store.getSnapshot().lanes;
    const ids = ['A', 'B', 'C'].map((text) =>
      addCard(a.doc, { stageId: s1!.id, laneId: l1!.id, text })!,
    );
    sync();
    moveCards(a.doc, [ids[0]!, ids[1]!], { stageId: s2!.id, laneId: l1!.id });
    moveCards(b.doc, [ids[1]!, ids[2]!], { stageId: s3!.id, laneId: l1!.id });
    sync();
    const cells = [...a.store.getSnapshot().cells.values()];
    for (const id of ids) expect(cells.filter((cell) => cell.includes(id))).toHaveLength(1);
    expect([...a.store.getSnapshot().cells]).toEqual([...b.store.getSnapshot().cells]);
    expect(a.store.getSnapshot().cards.get(ids[0]!)?.stageId).toBe(s2!.id);
    expect(a.store.getSnapshot().cards.get(ids[2]!)?.stageId).toBe(s3!.id);
  });

  it('one person duplicating a card another deletes: the copy survives, the original is gone', () => {
    const { a, b, sync } = makeReplicas();
    const [s1] = a.store.getSnapshot().stages;
    const [l1] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, {
      stageId: s1!.id,
      laneId: l1!.id,
      text: 'Original',
      fields: { channel: 'email' },
    })!;
    sync();
    const copy = duplicateCard(a.doc, card)!;
    deleteCard(b.doc, card);
    sync();
    for (const replica of [a, b]) {
      expect(replica.store.getSnapshot().cards.has(card)).toBe(false);
      expect(replica.store.getSnapshot().cards.get(copy)).toMatchObject({
        text: 'Original',
        channel: 'email',
      });
    }
  });

  it('two people setting different fields of one card both keep theirs; the same field converges', () => {
    const { a, b, sync } = makeReplicas();
    const [s1] = a.store.getSnapshot().stages;
    const [l1] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, { stageId: s1!.id, laneId: l1!.id })!;
    sync();
    updateCard(a.doc, card, { severity: 3, color: 'red' });
    updateCard(b.doc, card, { owner: 'Support', color: 'blue' });
    sync();
    const onA = a.store.getSnapshot().cards.get(card)!;
    expect(onA).toEqual(b.store.getSnapshot().cards.get(card));
    expect(onA).toMatchObject({ severity: 3, owner: 'Support' });
    expect(['red', 'blue']).toContain(onA.color);
  });

  it('saving an open editor keeps a collaborator’s edit made meanwhile', () => {
    const { a, b, sync } = makeReplicas();
    const [s1] = a.store.getSnapshot().stages;
    const [l1] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, { stageId: s1!.id, laneId: l1!.id, text: 'Slow checkout' })!;
    sync();
    // Both open the editor on "Slow checkout"; B saves first, A saves later.
    editCardText(b.doc, card, 'Slow checkout', 'Slow checkout on mobile');
    sync();
    editCardText(a.doc, card, 'Slow checkout', 'Very slow checkout');
    sync();
    expect(a.store.getSnapshot().cards.get(card)?.text).toBe('Very slow checkout on mobile');
    expect(b.store.getSnapshot().cards.get(card)?.text).toBe('Very slow checkout on mobile');
  });

  it('a card moved into a lane someone else deletes at the same time is cleaned up on repair', () => {
    const { a, b, sync } = makeReplicas();
    const [s1] = a.store.getSnapshot().stages;
    const [l1, l2] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, { stageId: s1!.id, laneId: l1!.id, text: 'Mover' })!;
    sync();
    moveCard(a.doc, card, { stageId: s1!.id, laneId: l2!.id });
    deleteLane(b.doc, l2!.id);
    sync();
    // Never shown in a cell…
    expect([...a.store.getSnapshot().cells.values()].flat()).not.toContain(card);
    // …and removed from the document by the next repair.
    expect(inspectBoard(a.doc).status).toBe('repairable');
    repairBoard(a.doc);
    sync();
    expect(b.store.getSnapshot().cards.has(card)).toBe(false);
  });
});
