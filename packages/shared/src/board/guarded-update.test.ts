import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BOARD_TEXT_LIMITS } from './bounds.ts';
import { applyGuardedUpdate } from './guarded-update.ts';
import { CARD_FIELD_MAX_LENGTH } from './lane-kinds/define.ts';
import { BoardLockSet, type BoardLock } from './locks.ts';
import {
  addCard,
  addLane,
  addStage,
  deleteStage,
  moveCard,
  moveStage,
  renameStage,
  setCardText,
  setEmotion,
} from './ops.ts';
import { readBoard } from './state.ts';
import { makeBoard } from './test-helpers.ts';
import { CARD_TEXT_MAX } from './types.ts';

/** A server replica and a participant's replica of one board with a card in it. */
function setUp() {
  const server = makeBoard().doc;
  const board = readBoard(server);
  const stageId = board.stages[0]!.id;
  const otherStageId = board.stages[1]!.id;
  const laneId = board.lanes[0]!.id;
  const cardId = addCard(server, { stageId, laneId, text: 'honest' })!;
  const participant = new Y.Doc();
  Y.applyUpdate(participant, Y.encodeStateAsUpdate(server));
  /** What the participant did since `since`, as one update. */
  const changesSince = (since: Uint8Array) => Y.encodeStateAsUpdate(participant, since);
  return { server, participant, stageId, otherStageId, laneId, cardId, changesSince };
}

const locks = (...list: BoardLock[]) => new BoardLockSet(list);
const STRUCTURE = locks({ scope: 'structure', itemId: null });

describe('applyGuardedUpdate', () => {
  it('keeps an honest card edit and undoes a locked stage rename in the same update', () => {
    const { server, participant, stageId, cardId, changesSince } = setUp();
    const since = Y.encodeStateVector(participant);
    const title = readBoard(server).stages[0]!.title;
    renameStage(participant, stageId, 'Hijacked');
    setCardText(participant, cardId, 'honest edit');

    const seen: Uint8Array[] = [];
    server.on('update', (update: Uint8Array) => seen.push(update));
    const serverClientId = server.clientID;
    const result = applyGuardedUpdate(server, changesSince(since), STRUCTURE, 'participant');
    // Writing the compensation under its own id is not "another client using it".
    expect(server.clientID).toBe(serverClientId);

    expect(result.refused.map((change) => change.kind)).toEqual(['stage.renamed']);
    const board = readBoard(server);
    expect(board.stages[0]!.title).toBe(title);
    expect(board.cards.get(cardId)!.text).toBe('honest edit');
    // One update event: nobody else ever sees the forbidden title.
    expect(seen).toHaveLength(1);
    // The sender converges once it applies the compensation.
    Y.applyUpdate(participant, result.compensation!);
    expect(readBoard(participant).stages[0]!.title).toBe(title);
    expect(readBoard(participant).cards.get(cardId)!.text).toBe('honest edit');
  });

  it('applies the update untouched when nothing locked changed', () => {
    const { server, participant, cardId, changesSince } = setUp();
    const since = Y.encodeStateVector(participant);
    setCardText(participant, cardId, 'fine');
    const result = applyGuardedUpdate(server, changesSince(since), STRUCTURE, 'participant');
    expect(result).toEqual({ refused: [], bounded: 0, compensation: null });
    expect(readBoard(server).cards.get(cardId)!.text).toBe('fine');
  });

  it('under a structure lock refuses adding, reordering and deleting stages and lanes, and brings back the cards of a deleted stage', () => {
    const { server, participant, stageId, otherStageId, cardId, changesSince } = setUp();
    const before = readBoard(server);
    const since = Y.encodeStateVector(participant);
    addStage(participant, { title: 'New' });
    addLane(participant, { title: 'New lane', kind: 'notes' });
    moveStage(participant, otherStageId, 4);
    deleteStage(participant, stageId);
    const result = applyGuardedUpdate(server, changesSince(since), STRUCTURE, 'participant');
    expect(result.refused.length).toBeGreaterThanOrEqual(4);
    const board = readBoard(server);
    expect(board.stages).toEqual(before.stages);
    expect(board.lanes).toEqual(before.lanes);
    expect(board.cards.get(cardId)!.text).toBe('honest');
  });

  it('a stage lock covers the cards and emotions in its column, not the others', () => {
    const { server, participant, stageId, otherStageId, laneId, cardId, changesSince } = setUp();
    const since = Y.encodeStateVector(participant);
    setCardText(participant, cardId, 'changed');
    const moved = addCard(participant, { stageId: otherStageId, laneId, text: 'new elsewhere' })!;
    addCard(participant, { stageId, laneId, text: 'new in the locked stage' });
    setEmotion(participant, { stageId, laneId, score: 2 });
    const result = applyGuardedUpdate(
      server,
      changesSince(since),
      locks({ scope: 'stage', itemId: stageId }),
      'participant',
    );
    expect(result.refused.map((change) => change.kind).sort()).toEqual(
      ['card.added', 'card.text', 'emotion.changed'].sort(),
    );
    const board = readBoard(server);
    expect(board.cards.get(cardId)!.text).toBe('honest');
    expect(board.cards.get(moved)!.text).toBe('new elsewhere');
    expect(board.cards.size).toBe(2);
  });

  it('a card lock refuses editing and moving that card; the board lock refuses everything', () => {
    const { server, participant, otherStageId, laneId, cardId, changesSince } = setUp();
    const since = Y.encodeStateVector(participant);
    setCardText(participant, cardId, 'changed');
    const update = changesSince(since);
    const cardLocked = applyGuardedUpdate(
      server,
      update,
      locks({ scope: 'card', itemId: cardId }),
      'p',
    );
    expect(cardLocked.refused).toHaveLength(1);
    expect(readBoard(server).cards.get(cardId)!.text).toBe('honest');

    const since2 = Y.encodeStateVector(participant);
    addCard(participant, { stageId: otherStageId, laneId, text: 'anything' });
    const boardLocked = applyGuardedUpdate(
      server,
      changesSince(since2),
      locks({ scope: 'board', itemId: null }),
      'p',
    );
    expect(boardLocked.refused.map((change) => change.kind)).toEqual(['card.added']);
    expect(readBoard(server).cards.size).toBe(1);
  });

  it('undoes a locked card reordered within its own cell, and says so', () => {
    const { server, participant, stageId, laneId, cardId, changesSince } = setUp();
    const second = addCard(server, { stageId, laneId, text: 'second' })!;
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(server));
    const cell = (doc: Y.Doc) =>
      [...readBoard(doc).cards.values()]
        .filter((card) => card.stageId === stageId && card.laneId === laneId)
        .sort((a, b) => (a.order < b.order ? -1 : 1))
        .map((card) => card.id);
    expect(cell(server)).toEqual([cardId, second]);

    const since = Y.encodeStateVector(participant);
    moveCard(participant, cardId, { stageId, laneId, index: 1 });
    expect(cell(participant)).toEqual([second, cardId]);
    const result = applyGuardedUpdate(
      server,
      changesSince(since),
      locks({ scope: 'card', itemId: cardId }),
      'p',
    );

    expect(cell(server)).toEqual([cardId, second]);
    expect(result.refused.map((change) => change.kind)).toEqual(['card.reordered']);
    Y.applyUpdate(participant, result.compensation!);
    expect(cell(participant)).toEqual([cardId, second]);
  });
});

describe('applyGuardedUpdate: the board’s bounds, for a client that skips the operations', () => {
  /** Writes straight into the participant's Yjs maps, as a raw socket client can. */
  const raw = (doc: Y.Doc, write: (roots: ReturnType<typeof rawRoots>) => void) =>
    doc.transact(() => write(rawRoots(doc)));
  const rawRoots = (doc: Y.Doc) => ({
    stages: doc.getMap<Y.Map<unknown>>('stages'),
    lanes: doc.getMap<Y.Map<unknown>>('lanes'),
    cards: doc.getMap<Y.Map<unknown>>('cards'),
    emotions: doc.getMap<unknown>('emotions'),
  });

  it('cuts text past its length and drops control characters, keeping the rest of the update', () => {
    const { server, participant, stageId, laneId, cardId, changesSince } = setUp();
    const since = Y.encodeStateVector(participant);
    raw(participant, ({ stages, lanes, cards }) => {
      const text = cards.get(cardId)!.get('text') as Y.Text;
      text.insert(0, 'x'.repeat(CARD_TEXT_MAX));
      text.insert(3, 'a\u0000b\u0007');
      stages.get(stageId)!.set('title', `Stage\u0000${'s'.repeat(500)}`);
      lanes.get(laneId)!.set('title', 'Lane\u001b');
      const card = new Y.Map<unknown>();
      card.set('text', new Y.Text(`New\u0000 card ${'y'.repeat(CARD_TEXT_MAX)}`));
      card.set('position', { stageId, laneId, order: 'a5' });
      card.set('owner', 'o'.repeat(1000));
      cards.set('raw-card', card);
    });

    const seen: Uint8Array[] = [];
    server.on('update', (update: Uint8Array) => seen.push(update));
    const serverClientId = server.clientID;
    const result = applyGuardedUpdate(server, changesSince(since), BoardLockSet.EMPTY, 'p');
    expect(server.clientID).toBe(serverClientId);
    expect(seen).toHaveLength(1);

    const board = readBoard(server);
    const edited = board.cards.get(cardId)!.text;
    expect(edited).toHaveLength(CARD_TEXT_MAX);
    expect(edited.startsWith('xxxabxxx')).toBe(true);
    expect(board.stages.find((stage) => stage.id === stageId)!.title).toBe(
      `Stage${'s'.repeat(BOARD_TEXT_LIMITS.title - 5)}`,
    );
    expect(board.lanes.find((lane) => lane.id === laneId)!.title).toBe('Lane');
    const added = board.cards.get('raw-card')!;
    expect(added.text).toMatch(/^New card y+$/);
    expect(added.text).toHaveLength(CARD_TEXT_MAX);
    expect(added.owner).toHaveLength(CARD_FIELD_MAX_LENGTH);
    expect(result.bounded).toBe(5);
    // The sender converges on what everyone else has.
    Y.applyUpdate(participant, result.compensation!);
    expect(readBoard(participant)).toEqual(board);
  });

  it('cuts an emotion note, with locks as without', () => {
    const { server, participant, stageId, changesSince } = setUp();
    const emotionLane = addLane(server, { title: 'Feeling', kind: 'emotion' });
    setEmotion(server, { stageId, laneId: emotionLane, score: 1 });
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(server));
    const since = Y.encodeStateVector(participant);
    raw(participant, ({ emotions }) =>
      emotions.set(`${stageId}:${emotionLane}`, { score: 2, note: `n${'\u0000'.repeat(3)}` }),
    );
    const result = applyGuardedUpdate(server, changesSince(since), STRUCTURE, 'p');
    expect(result.bounded).toBe(1);
    expect(readBoard(server).emotions.get(`${stageId}:${emotionLane}`)).toMatchObject({
      score: 2,
      note: 'n',
    });
  });

  it('leaves text the operations wrote alone, however long the board', () => {
    const { server, participant, stageId, laneId, changesSince } = setUp();
    const since = Y.encodeStateVector(participant);
    addCard(participant, { stageId, laneId, text: 'z'.repeat(CARD_TEXT_MAX + 10) });
    const result = applyGuardedUpdate(server, changesSince(since), BoardLockSet.EMPTY, 'p');
    expect(result).toEqual({ refused: [], bounded: 0, compensation: null });
  });
});
