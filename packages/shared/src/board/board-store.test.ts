import { describe, expect, it, vi } from 'vitest';
import { createUndoManager } from './undo.ts';
import {
  addCard,
  addStage,
  deleteCard,
  deleteStage,
  moveCard,
  moveStage,
  setCardText,
} from './ops.ts';
import { diffBoards, summarizeChanges } from './diff.ts';
import { makeBoard, makeReplicas } from './test-helpers.ts';
import { cellKey } from './types.ts';

describe('BoardStore snapshots', () => {
  it('keeps unchanged cards, cells and stages as the same objects', () => {
    const { doc, store } = makeBoard();
    const [s1, s2] = store.getSnapshot().stages;
    const [l1] = store.getSnapshot().lanes;
    const a = addCard(doc, { stageId: s1!.id, laneId: l1!.id, text: 'a' })!;
    const b = addCard(doc, { stageId: s2!.id, laneId: l1!.id, text: 'b' })!;
    const before = store.getSnapshot();

    setCardText(doc, a, 'a changed');
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.cards.get(a)).not.toBe(before.cards.get(a));
    expect(after.cards.get(b)).toBe(before.cards.get(b));
    expect(after.cells.get(cellKey(s2!.id, l1!.id))).toBe(
      before.cells.get(cellKey(s2!.id, l1!.id)),
    );
    expect(after.stages).toBe(before.stages);
    expect(after.lanes).toBe(before.lanes);
  });

  it('notifies subscribers once per transaction and returns a stable snapshot between changes', () => {
    const { doc, store } = makeBoard();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    addStage(doc, { title: 'Loyalty' });
    expect(listener).toHaveBeenCalledTimes(1);
    store.destroy();
    addStage(doc, { title: 'Ignored' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('sees changes that arrive from another replica', () => {
    const { a, b, sync } = makeReplicas();
    const [stage] = a.store.getSnapshot().stages;
    const [lane] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, { stageId: stage!.id, laneId: lane!.id, text: 'Hello' })!;
    sync();
    expect(b.store.getSnapshot().cards.get(card)?.text).toBe('Hello');
  });

  it('tells remote-change listeners what others changed, never its own changes', () => {
    const { a, b, sync } = makeReplicas();
    const [stage] = a.store.getSnapshot().stages;
    const [lane] = a.store.getSnapshot().lanes;
    const heard: string[] = [];
    b.store.subscribeRemoteChanges((before, after) =>
      heard.push(summarizeChanges(diffBoards(before, after))),
    );
    addCard(b.doc, { stageId: stage!.id, laneId: lane!.id, text: 'Mine' });
    expect(heard).toEqual([]);
    addCard(a.doc, { stageId: stage!.id, laneId: lane!.id, text: 'Theirs' });
    addCard(a.doc, { stageId: stage!.id, laneId: lane!.id, text: 'Theirs too' });
    sync();
    expect(heard).toEqual(['2 cards added']);
  });
});

describe('undo', () => {
  it('undoes only this client’s own changes, never a collaborator’s', () => {
    const { a, b, sync } = makeReplicas();
    const undoA = createUndoManager(a.doc);
    const undoB = createUndoManager(b.doc);
    const [stage] = a.store.getSnapshot().stages;
    const [lane] = a.store.getSnapshot().lanes;

    const mine = addCard(a.doc, { stageId: stage!.id, laneId: lane!.id, text: 'mine' })!;
    sync();
    const theirs = addCard(b.doc, { stageId: stage!.id, laneId: lane!.id, text: 'theirs' })!;
    sync();

    undoA.undo();
    sync();
    for (const replica of [a, b]) {
      expect(replica.store.getSnapshot().cards.has(mine)).toBe(false);
      expect(replica.store.getSnapshot().cards.has(theirs)).toBe(true);
    }
    expect(undoA.canUndo()).toBe(false);
    undoA.redo();
    undoB.undo();
    sync();
    expect(a.store.getSnapshot().cards.has(mine)).toBe(true);
    expect(a.store.getSnapshot().cards.has(theirs)).toBe(false);
  });

  it('brings back a deleted stage together with its cards', () => {
    const { doc, store } = makeBoard();
    const undo = createUndoManager(doc);
    const [stage] = store.getSnapshot().stages;
    const [lane] = store.getSnapshot().lanes;
    addCard(doc, { stageId: stage!.id, laneId: lane!.id, text: 'keep me' });
    undo.stopCapturing();
    deleteStage(doc, stage!.id);
    expect(store.getSnapshot().stages).toHaveLength(5);
    undo.undo();
    const restored = store.getSnapshot();
    expect(restored.stages).toHaveLength(6);
    const cell = restored.cells.get(cellKey(restored.stages[0]!.id, lane!.id)) ?? [];
    expect(cell.map((id) => restored.cards.get(id)?.text)).toEqual(['keep me']);
  });
});

describe('concurrent edits converge', () => {
  it('two people moving the same card land it in one of the two cells on both screens', () => {
    const { a, b, sync } = makeReplicas();
    const [s1, s2, s3] = a.store.getSnapshot().stages;
    const [l1, l2, l3] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, { stageId: s1!.id, laneId: l1!.id, text: 'x' })!;
    sync();
    moveCard(a.doc, card, { stageId: s2!.id, laneId: l2!.id });
    moveCard(b.doc, card, { stageId: s3!.id, laneId: l3!.id });
    sync();
    const onA = a.store.getSnapshot().cards.get(card)!;
    const onB = b.store.getSnapshot().cards.get(card)!;
    expect(onA).toEqual(onB);
    expect([`${s2!.id}/${l2!.id}`, `${s3!.id}/${l3!.id}`]).toContain(
      `${onA.stageId}/${onA.laneId}`,
    );
    // The card shows in exactly one cell.
    const cellsWithCard = [...a.store.getSnapshot().cells.values()].filter((ids) =>
      ids.includes(card),
    );
    expect(cellsWithCard).toHaveLength(1);
  });

  it('one person deleting a card another is editing: the card is gone for both', () => {
    const { a, b, sync } = makeReplicas();
    const [s1] = a.store.getSnapshot().stages;
    const [l1] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, { stageId: s1!.id, laneId: l1!.id, text: 'draft' })!;
    sync();
    deleteCard(a.doc, card);
    setCardText(b.doc, card, 'draft, edited');
    sync();
    expect(a.store.getSnapshot().cards.has(card)).toBe(false);
    expect(b.store.getSnapshot().cards.has(card)).toBe(false);
    expect(setCardText(b.doc, card, 'too late')).toBe(false);
  });

  it('two people typing in different parts of one card keep both edits', () => {
    const { a, b, sync } = makeReplicas();
    const [s1] = a.store.getSnapshot().stages;
    const [l1] = a.store.getSnapshot().lanes;
    const card = addCard(a.doc, { stageId: s1!.id, laneId: l1!.id, text: 'checkout form' })!;
    sync();
    setCardText(a.doc, card, 'slow checkout form');
    setCardText(b.doc, card, 'checkout form errors');
    sync();
    expect(a.store.getSnapshot().cards.get(card)?.text).toBe('slow checkout form errors');
    expect(b.store.getSnapshot().cards.get(card)?.text).toBe('slow checkout form errors');
  });

  it('two people reordering stages at once: both moves count, order is identical', () => {
    const { a, b, sync } = makeReplicas();
    const stages = a.store.getSnapshot().stages;
    moveStage(a.doc, stages[0]!.id, 5); // Awareness to the end
    moveStage(b.doc, stages[5]!.id, 0); // Advocacy to the front
    sync();
    const orderA = a.store.getSnapshot().stages.map((s) => s.title);
    expect(b.store.getSnapshot().stages.map((s) => s.title)).toEqual(orderA);
    expect(orderA[0]).toBe('Advocacy');
    expect(orderA.at(-1)).toBe('Awareness');
  });

  it('two people inserting a stage at the same spot both keep their stage', () => {
    const { a, b, sync } = makeReplicas();
    addStage(a.doc, { title: 'From A', index: 1 });
    addStage(b.doc, { title: 'From B', index: 1 });
    sync();
    const titlesA = a.store.getSnapshot().stages.map((s) => s.title);
    expect(titlesA).toEqual(b.store.getSnapshot().stages.map((s) => s.title));
    expect(titlesA).toContain('From A');
    expect(titlesA).toContain('From B');
    expect(titlesA).toHaveLength(8);
    // Moving between two equal keys still works.
    moveStage(a.doc, a.store.getSnapshot().stages[0]!.id, 2);
    expect(a.store.getSnapshot().stages).toHaveLength(8);
  });
});
