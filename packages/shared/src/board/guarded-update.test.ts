import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyGuardedUpdate } from './guarded-update.ts';
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
    expect(result).toEqual({ refused: [], compensation: null });
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
