// The diff engine over generated edit histories: a random sequence of board
// operations is applied both to a real board document and to a plain model;
// every net change the model says happened must appear in diffBoards()
// exactly once, and nothing else. Restoring the starting board on the edited
// document must then bring back exactly the starting board.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLane,
  addStage,
  clearEmotion,
  deleteCard,
  deleteLane,
  deleteStage,
  moveCard,
  moveLane,
  moveStage,
  renameLane,
  renameStage,
  setCardText,
  setEmotion,
  updateCard,
  updateStage,
} from './ops.ts';
import { diffBoards, summarizeChanges, type BoardChange } from './diff.ts';
import { restoreBoard } from './restore.ts';
import { readBoard, readBoardState } from './state.ts';
import { makeBoard } from './test-helpers.ts';
import { cellKey, type BoardSnapshot, type CardFields } from './types.ts';

// ── A plain model of what the operations mean ─────────────────────────────

interface ModelCard {
  stageId: string;
  laneId: string;
  text: string;
  fields: Partial<Record<keyof CardFields, unknown>>;
}
interface Model {
  stages: Map<string, { title: string; description: string }>;
  lanes: Map<string, { title: string }>;
  cards: Map<string, ModelCard>;
  emotions: Map<string, { score: number; note: string }>;
}

function modelOf(board: BoardSnapshot): Model {
  return {
    stages: new Map(
      board.stages.map((s) => [s.id, { title: s.title, description: s.description }]),
    ),
    lanes: new Map(board.lanes.map((l) => [l.id, { title: l.title }])),
    cards: new Map(
      [...board.cards.values()].map((c) => [
        c.id,
        { stageId: c.stageId, laneId: c.laneId, text: c.text, fields: { ...c } },
      ]),
    ),
    emotions: new Map(
      [...board.emotions.entries()].map(([k, e]) => [k, { score: e.score, note: e.note }]),
    ),
  };
}

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

// Field edits the generator makes, with values that are all valid.
const FIELD_EDITS: readonly [keyof CardFields, readonly unknown[]][] = [
  ['color', ['yellow', 'green', 'red']],
  ['severity', [1, 2, 3, null]],
  ['channel', ['web', 'email', null]],
  ['owner', ['Support', 'Sales', '']],
  ['metricCurrent', ['12', '40%', '']],
  ['momentOfTruth', [true, false]],
];

type Op = { readonly type: number; readonly a: number; readonly b: number; readonly c: number };
const OP_TYPES = 16;
const opArb: fc.Arbitrary<Op> = fc.record({
  type: fc.nat(OP_TYPES - 1),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
});

/** Applies one generated operation to the document and the model alike. */
function apply(doc: Y.Doc, model: Model, op: Op, step: number): void {
  const stageIds = [...model.stages.keys()];
  const laneIds = [...model.lanes.keys()];
  const cardIds = [...model.cards.keys()];
  const stageId = pick(stageIds, op.a);
  const laneId = pick(laneIds, op.b);
  const cardId = pick(cardIds, op.c);
  switch (op.type) {
    case 0: {
      const id = addStage(doc, { title: `Stage ${step}`, index: op.b % (stageIds.length + 1) });
      model.stages.set(id, { title: `Stage ${step}`, description: '' });
      return;
    }
    case 1:
      if (stageId && renameStage(doc, stageId, `Renamed ${step}`))
        model.stages.get(stageId)!.title = `Renamed ${step}`;
      return;
    case 2:
      if (stageId) moveStage(doc, stageId, op.b % stageIds.length);
      return;
    case 3:
      if (!stageId || stageIds.length <= 1) return;
      deleteStage(doc, stageId);
      model.stages.delete(stageId);
      for (const [id, card] of model.cards) if (card.stageId === stageId) model.cards.delete(id);
      for (const key of model.emotions.keys())
        if (key.startsWith(`${stageId}:`)) model.emotions.delete(key);
      return;
    case 4: {
      const id = addLane(doc, { title: `Lane ${step}`, kind: 'notes', index: op.a % 3 });
      model.lanes.set(id, { title: `Lane ${step}` });
      return;
    }
    case 5:
      if (laneId && renameLane(doc, laneId, `Lane renamed ${step}`))
        model.lanes.get(laneId)!.title = `Lane renamed ${step}`;
      return;
    case 6:
      if (laneId) moveLane(doc, laneId, op.a % laneIds.length);
      return;
    case 7:
      if (!laneId || laneIds.length <= 1) return;
      deleteLane(doc, laneId);
      model.lanes.delete(laneId);
      for (const [id, card] of model.cards) if (card.laneId === laneId) model.cards.delete(id);
      for (const key of model.emotions.keys())
        if (key.endsWith(`:${laneId}`)) model.emotions.delete(key);
      return;
    case 8:
    case 9: {
      if (!stageId || !laneId) return;
      const id = addCard(doc, { stageId, laneId, text: `Card ${step}` });
      if (id) model.cards.set(id, { stageId, laneId, text: `Card ${step}`, fields: {} });
      return;
    }
    case 10:
      if (!cardId) return;
      // Sometimes back to an earlier text: a net change of nothing is possible.
      {
        const text = op.a % 4 === 0 ? `Card ${op.b % 3}` : `Edited ${step}`;
        setCardText(doc, cardId, text);
        model.cards.get(cardId)!.text = text;
      }
      return;
    case 11: {
      if (!cardId) return;
      const [field, values] = FIELD_EDITS[op.a % FIELD_EDITS.length]!;
      const value = values[op.b % values.length];
      updateCard(doc, cardId, { [field]: value });
      model.cards.get(cardId)!.fields[field] = value;
      return;
    }
    case 12:
      if (!cardId || !stageId || !laneId) return;
      moveCard(doc, cardId, { stageId, laneId });
      Object.assign(model.cards.get(cardId)!, { stageId, laneId });
      return;
    case 13:
      if (!cardId) return;
      deleteCard(doc, cardId);
      model.cards.delete(cardId);
      return;
    case 14:
      if (!stageId || !laneId) return;
      if (op.c % 3 === 0) {
        clearEmotion(doc, { stageId, laneId });
        model.emotions.delete(cellKey(stageId, laneId));
      } else {
        const score = (op.c % 5) - 2;
        const key = cellKey(stageId, laneId);
        const note = model.emotions.get(key)?.note ?? '';
        setEmotion(doc, { stageId, laneId, score });
        model.emotions.set(key, { score, note });
      }
      return;
    case 15:
      if (stageId && updateStage(doc, stageId, { description: `About ${op.b % 3}` }))
        model.stages.get(stageId)!.description = `About ${op.b % 3}`;
      return;
  }
}

/** The changes the model expects, as sortable keys "kind id [field]". */
function expectedKeys(before: Model, after: Model, a: BoardSnapshot, b: BoardSnapshot): string[] {
  const keys: string[] = [];
  for (const [id, stage] of after.stages) {
    const was = before.stages.get(id);
    if (!was) keys.push(`stage.added ${id}`);
    else {
      if (was.title !== stage.title) keys.push(`stage.renamed ${id}`);
      if (was.description !== stage.description) keys.push(`stage.changed ${id} description`);
      const order = (s: BoardSnapshot) => s.stages.find((x) => x.id === id)!.order;
      if (order(a) !== order(b)) keys.push(`stage.reordered ${id}`);
    }
  }
  for (const id of before.stages.keys())
    if (!after.stages.has(id)) keys.push(`stage.removed ${id}`);
  for (const [id, lane] of after.lanes) {
    const was = before.lanes.get(id);
    if (!was) keys.push(`lane.added ${id}`);
    else {
      if (was.title !== lane.title) keys.push(`lane.renamed ${id}`);
      const order = (s: BoardSnapshot) => s.lanes.find((x) => x.id === id)!.order;
      if (order(a) !== order(b)) keys.push(`lane.reordered ${id}`);
    }
  }
  for (const id of before.lanes.keys()) if (!after.lanes.has(id)) keys.push(`lane.removed ${id}`);
  for (const [id, card] of after.cards) {
    const was = before.cards.get(id);
    if (!was) {
      keys.push(`card.added ${id}`);
      continue;
    }
    if (was.stageId !== card.stageId || was.laneId !== card.laneId) keys.push(`card.moved ${id}`);
    if (was.text !== card.text) keys.push(`card.text ${id}`);
    for (const [field] of FIELD_EDITS) {
      const old = field in was.fields ? was.fields[field] : a.cards.get(id)?.[field];
      const now = field in card.fields ? card.fields[field] : old;
      if (old !== now) keys.push(`card.field ${id} ${field}`);
    }
  }
  for (const id of before.cards.keys()) if (!after.cards.has(id)) keys.push(`card.removed ${id}`);
  for (const [key, point] of after.emotions) {
    const was = before.emotions.get(key);
    if (!was || was.score !== point.score || was.note !== point.note)
      keys.push(`emotion.changed ${key}`);
  }
  for (const key of before.emotions.keys())
    if (!after.emotions.has(key)) keys.push(`emotion.changed ${key}`);
  return keys.sort();
}

function changeKey(change: BoardChange): string {
  switch (change.kind) {
    case 'stage.added':
    case 'stage.removed':
    case 'stage.renamed':
    case 'stage.reordered':
      return `${change.kind} ${change.stageId}`;
    case 'stage.changed':
      return `${change.kind} ${change.stageId} ${change.field}`;
    case 'lane.added':
    case 'lane.removed':
    case 'lane.renamed':
    case 'lane.reordered':
      return `${change.kind} ${change.laneId}`;
    case 'card.field':
      return `${change.kind} ${change.cardId} ${change.field}`;
    case 'emotion.changed':
      return `${change.kind} ${cellKey(change.stageId, change.laneId)}`;
    default:
      return `${change.kind} ${change.cardId}`;
  }
}

/** A board with some history already (cards with fields, emotion scores). */
function startingBoard(seedOps: readonly Op[]): { doc: Y.Doc; model: Model } {
  const { doc, store } = makeBoard();
  const model = modelOf(store.getSnapshot());
  store.destroy();
  seedOps.forEach((op, step) => apply(doc, model, op, -1 - step));
  return { doc, model: modelOf(readBoard(doc)) };
}

/** Board content for comparison (order keys and all). */
function content(board: BoardSnapshot) {
  return {
    stages: board.stages,
    lanes: board.lanes,
    cards: [...board.cards.values()].sort((x, y) => x.id.localeCompare(y.id)),
    emotions: [...board.emotions.entries()].sort(([x], [y]) => x.localeCompare(y)),
  };
}

describe('diffBoards over generated edit histories', () => {
  it('reports every net change exactly once, and restore brings the start back', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 30 }),
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        (seedOps, history) => {
          const { doc, model } = startingBoard(seedOps);
          const before = readBoard(doc);
          const beforeModel = structuredClone(model);
          history.forEach((op, step) => apply(doc, model, op, step));
          const after = readBoard(doc);

          const changes = diffBoards(before, after);
          expect(changes.map(changeKey).sort()).toEqual(
            expectedKeys(beforeModel, model, before, after),
          );
          expect(summarizeChanges(changes) === 'No changes').toBe(changes.length === 0);

          restoreBoard(doc, before, 'restore');
          const restored = readBoard(doc);
          expect(diffBoards(before, restored)).toEqual([]);
          expect(content(restored)).toEqual(content(before));
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000); // a property over generated histories: well past 5 s on a loaded machine

  it('describes a change with its old and new values', () => {
    const { doc, store } = makeBoard();
    const board = store.getSnapshot();
    const [first, second] = board.stages;
    const lane = board.lanes[0]!;
    const cardId = addCard(doc, {
      stageId: first!.id,
      laneId: lane.id,
      text: 'Verification email',
    })!;
    const before = readBoard(doc);
    moveCard(doc, cardId, { stageId: second!.id, laneId: lane.id });
    setCardText(doc, cardId, 'Verification SMS');
    updateCard(doc, cardId, { severity: 3 });
    setEmotion(doc, { stageId: first!.id, laneId: lane.id, score: -2 });
    const changes = diffBoards(before, readBoard(doc));
    expect(changes).toEqual([
      {
        kind: 'card.moved',
        cardId,
        text: 'Verification SMS',
        from: { stageId: first!.id, laneId: lane.id },
        to: { stageId: second!.id, laneId: lane.id },
      },
      {
        kind: 'card.text',
        cardId,
        cell: { stageId: second!.id, laneId: lane.id },
        from: 'Verification email',
        to: 'Verification SMS',
      },
      {
        kind: 'card.field',
        cardId,
        cell: { stageId: second!.id, laneId: lane.id },
        text: 'Verification SMS',
        field: 'severity',
        from: null,
        to: 3,
      },
      {
        kind: 'emotion.changed',
        stageId: first!.id,
        laneId: lane.id,
        from: null,
        to: { score: -2, note: '' },
      },
    ]);
    expect(summarizeChanges(changes)).toBe('1 card edited, 1 moved; 1 emotion score changed');
  });

  it('reads a stored state back as the board it was', () => {
    const { doc, store } = makeBoard();
    const state = Y.encodeStateAsUpdate(doc);
    expect(content(readBoardState(state))).toEqual(content(store.getSnapshot()));
  });
});
