import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import {
  addCard,
  addLane,
  addStage,
  clearEmotion,
  deleteCard,
  deleteCardIfEmpty,
  deleteLane,
  deleteStage,
  moveCard,
  moveLane,
  moveStage,
  renameLane,
  renameStage,
  setCardText,
  setEmotion,
} from './ops.ts';
import { BOARD_SCHEMA_VERSION } from './doc.ts';
import { makeBoard } from './test-helpers.ts';
import { cellKey } from './types.ts';

const titles = (items: readonly { title: string }[]) => items.map((item) => item.title);

describe('the blank template', () => {
  it('has the six classic stages and the five core lanes', () => {
    const { store } = makeBoard();
    const board = store.getSnapshot();
    expect(board.schemaVersion).toBe(BOARD_SCHEMA_VERSION);
    expect(titles(board.stages)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Onboarding',
      'Retention',
      'Advocacy',
    ]);
    expect(board.lanes.map((lane) => [lane.title, lane.kind])).toEqual([
      ['Touchpoints', 'touchpoint'],
      ['Customer actions', 'action'],
      ['Pain points', 'pain'],
      ['Emotions', 'emotion'],
      ['Opportunities', 'opportunity'],
    ]);
  });
});

describe('stages', () => {
  it('adds at the end or at an index, renames and reorders', () => {
    const { doc, store } = makeBoard();
    addStage(doc, { title: 'Renewal' });
    const first = addStage(doc, { title: 'Research', index: 0 });
    expect(titles(store.getSnapshot().stages).at(0)).toBe('Research');
    expect(titles(store.getSnapshot().stages).at(-1)).toBe('Renewal');

    renameStage(doc, first, 'Discovery');
    moveStage(doc, first, 3);
    expect(titles(store.getSnapshot().stages).slice(0, 4)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Discovery',
    ]);
  });

  it('deleting a stage removes its cards and emotion points', () => {
    const { doc, store } = makeBoard();
    const [stage] = store.getSnapshot().stages;
    const [lane] = store.getSnapshot().lanes;
    const emotionLane = store.getSnapshot().lanes.find((l) => l.kind === 'emotion')!;
    const card = addCard(doc, { stageId: stage!.id, laneId: lane!.id, text: 'Ad' })!;
    setEmotion(doc, { stageId: stage!.id, laneId: emotionLane.id, score: 1 });

    expect(deleteStage(doc, stage!.id)).toBe(true);
    const board = store.getSnapshot();
    expect(board.stages.some((s) => s.id === stage!.id)).toBe(false);
    expect(board.cards.has(card)).toBe(false);
    expect(board.emotions.size).toBe(0);
  });

  it('operations on a stage that does not exist change nothing', () => {
    const { doc, store } = makeBoard();
    const before = store.getSnapshot();
    expect(renameStage(doc, 'missing', 'x')).toBe(false);
    expect(moveStage(doc, 'missing', 0)).toBe(false);
    expect(deleteStage(doc, 'missing')).toBe(false);
    expect(store.getSnapshot()).toBe(before);
  });
});

describe('lanes', () => {
  it('adds, renames, reorders and deletes with their cards', () => {
    const { doc, store } = makeBoard();
    const metrics = addLane(doc, { title: 'KPIs', kind: 'metric', index: 1 });
    expect(store.getSnapshot().lanes[1]).toMatchObject({ title: 'KPIs', kind: 'metric' });
    renameLane(doc, metrics, 'Metrics');
    moveLane(doc, metrics, 0);
    expect(store.getSnapshot().lanes[0]?.title).toBe('Metrics');

    const [stage] = store.getSnapshot().stages;
    const card = addCard(doc, { stageId: stage!.id, laneId: metrics, text: 'NPS' })!;
    deleteLane(doc, metrics);
    expect(store.getSnapshot().cards.has(card)).toBe(false);
    expect(titles(store.getSnapshot().lanes)).not.toContain('Metrics');
  });
});

describe('cards', () => {
  it('adds cards in order, edits their text and moves them between cells', () => {
    const { doc, store } = makeBoard();
    const [s1, s2] = store.getSnapshot().stages;
    const [l1, l2] = store.getSnapshot().lanes;
    const a = addCard(doc, { stageId: s1!.id, laneId: l1!.id, text: 'A' })!;
    const b = addCard(doc, { stageId: s1!.id, laneId: l1!.id, text: 'B' })!;
    const c = addCard(doc, { stageId: s1!.id, laneId: l1!.id, text: 'C', index: 0 })!;
    expect(store.getSnapshot().cells.get(cellKey(s1!.id, l1!.id))).toEqual([c, a, b]);

    setCardText(doc, a, 'A — website visit\nsecond line');
    expect(store.getSnapshot().cards.get(a)?.text).toBe('A — website visit\nsecond line');

    moveCard(doc, a, { stageId: s2!.id, laneId: l2!.id });
    expect(store.getSnapshot().cells.get(cellKey(s1!.id, l1!.id))).toEqual([c, b]);
    expect(store.getSnapshot().cells.get(cellKey(s2!.id, l2!.id))).toEqual([a]);
    expect(store.getSnapshot().cards.get(a)).toMatchObject({ stageId: s2!.id, laneId: l2!.id });

    moveCard(doc, b, { stageId: s1!.id, laneId: l1!.id, index: 0 });
    expect(store.getSnapshot().cells.get(cellKey(s1!.id, l1!.id))).toEqual([b, c]);

    deleteCard(doc, b);
    expect(store.getSnapshot().cells.get(cellKey(s1!.id, l1!.id))).toEqual([c]);
  });

  it('deletes a card only while nothing is written in it', () => {
    const { doc, store } = makeBoard();
    const [stage] = store.getSnapshot().stages;
    const cell = { stageId: stage!.id, laneId: store.getSnapshot().lanes[0]!.id };
    const blank = addCard(doc, cell)!;
    const spaces = addCard(doc, { ...cell, text: ' \n ' })!;
    const written = addCard(doc, { ...cell, text: 'Sees an ad' })!;
    expect(deleteCardIfEmpty(doc, blank)).toBe(true);
    expect(deleteCardIfEmpty(doc, spaces)).toBe(true);
    expect(deleteCardIfEmpty(doc, written)).toBe(false);
    expect(deleteCardIfEmpty(doc, blank)).toBe(false);
    expect([...store.getSnapshot().cards.keys()]).toEqual([written]);
  });

  it('refuses cards in cells that do not exist', () => {
    const { doc, store } = makeBoard();
    const [stage] = store.getSnapshot().stages;
    expect(addCard(doc, { stageId: stage!.id, laneId: 'nope' })).toBeNull();
    const card = addCard(doc, { stageId: stage!.id, laneId: store.getSnapshot().lanes[0]!.id })!;
    expect(moveCard(doc, card, { stageId: 'nope', laneId: 'nope' })).toBe(false);
    expect(setCardText(doc, 'nope', 'x')).toBe(false);
  });
});

describe('emotions', () => {
  it('stores one score per stage, clamped to −2…+2, keeping the note', () => {
    const { doc, store } = makeBoard();
    const [s1] = store.getSnapshot().stages;
    const lane = store.getSnapshot().lanes.find((l) => l.kind === 'emotion')!;
    setEmotion(doc, { stageId: s1!.id, laneId: lane.id, score: 5, note: 'Delighted' });
    expect(store.getSnapshot().emotions.get(cellKey(s1!.id, lane.id))).toMatchObject({
      score: 2,
      note: 'Delighted',
    });
    setEmotion(doc, { stageId: s1!.id, laneId: lane.id, score: -1.6 });
    expect(store.getSnapshot().emotions.get(cellKey(s1!.id, lane.id))).toMatchObject({
      score: -2,
      note: 'Delighted',
    });
    expect(setEmotion(doc, { stageId: s1!.id, laneId: lane.id, score: Number.NaN })).toBe(false);
    clearEmotion(doc, { stageId: s1!.id, laneId: lane.id });
    expect(store.getSnapshot().emotions.size).toBe(0);
  });
});

describe('a document written by someone else', () => {
  it('reads garbage values defensively instead of crashing', () => {
    const doc = new Y.Doc();
    const stage = new Y.Map<unknown>();
    stage.set('title', 42);
    doc.getMap('stages').set('s', stage);
    const card = new Y.Map<unknown>();
    card.set('position', { stageId: 1 });
    doc.getMap('cards').set('c', card);
    doc.getMap('emotions').set('bad', 'x');
    const board = new BoardStore(doc).getSnapshot();
    expect(board.stages[0]?.title).toBe('');
    expect(board.cards.size).toBe(0);
    expect(board.emotions.size).toBe(0);
  });
});
