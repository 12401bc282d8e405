import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, setEmotion, updateStage } from '../ops.ts';
import { readBoard } from '../state.ts';
import { applyTemplate } from '../templates.ts';
import { boardEmptiness } from './board-emptiness.ts';
import { readMapFile } from './read-map-file.ts';

function blankDoc() {
  const doc = new Y.Doc();
  applyTemplate(doc, 'blank');
  return doc;
}

describe('boardEmptiness', () => {
  it('calls a new blank map and a board without stages or lanes empty', () => {
    expect(boardEmptiness(readBoard(blankDoc()))).toEqual({ empty: true });
    expect(boardEmptiness(readBoard(new Y.Doc()))).toEqual({ empty: true });
  });

  it('says what makes a map not empty: cards, scores, a description, renamed stages', () => {
    const withCard = blankDoc();
    const board = readBoard(withCard);
    addCard(withCard, { stageId: board.stages[0]!.id, laneId: board.lanes[0]!.id, text: 'x' });
    expect(boardEmptiness(readBoard(withCard))).toEqual({ empty: false, reason: 'it has 1 card' });

    const withScore = blankDoc();
    const emotionLane = readBoard(withScore).lanes.find((lane) => lane.kind === 'emotion')!;
    const scoreStage = readBoard(withScore).stages[0]!;
    setEmotion(withScore, { stageId: scoreStage.id, laneId: emotionLane.id, score: 1 });
    expect(boardEmptiness(readBoard(withScore))).toMatchObject({
      reason: 'it has 1 emotion score',
    });

    const described = blankDoc();
    const stage = readBoard(described).stages[1]!;
    updateStage(described, stage.id, { description: 'Finds us' });
    expect(boardEmptiness(readBoard(described))).toMatchObject({
      reason: "stage 'Consideration' has a description or is a moment of truth",
    });

    const renamed = blankDoc();
    updateStage(renamed, readBoard(renamed).stages[0]!.id, { title: 'Discover' });
    expect(boardEmptiness(readBoard(renamed))).toMatchObject({
      reason: 'its stages are not those of a new blank map',
    });
  });

  it('counts only cards a person can see (in a stage and lane that exist)', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'customer-support');
    expect(boardEmptiness(readBoard(doc)).empty).toBe(false);
  });
});

describe('older map files', () => {
  it('reads a version-1 file whose personas are only references (id and name)', () => {
    const reading = readMapFile({
      format: 'journeyboard-map',
      version: 1,
      map: { title: 'Old', personas: [{ id: 'x', name: 'Dana' }] },
      stages: [],
      lanes: [],
      cards: [],
    });
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    expect(reading.file.map.personas).toEqual([
      {
        id: 'x',
        name: 'Dana',
        title: '',
        segment: '',
        goals: [],
        needs: [],
        behaviours: [],
        channels: [],
        quote: '',
        primary: false,
      },
    ]);
  });
});
