import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import { buildBriefing, rankPainPoints } from './briefing.ts';
import {
  addCard,
  addLane,
  addStage,
  initBoard,
  setEmotion,
  updateCard,
  updateStage,
} from './ops.ts';
import { applyTemplate } from './templates.ts';
import type { BoardSnapshot } from './types.ts';

function templateBoard(): { doc: Y.Doc; snapshot: () => BoardSnapshot } {
  const doc = new Y.Doc();
  applyTemplate(doc, 'saas-onboarding');
  const store = new BoardStore(doc);
  return { doc, snapshot: () => store.getSnapshot() };
}

const cardId = (board: BoardSnapshot, text: string) =>
  [...board.cards.values()].find((card) => card.text === text)!.id;

describe('the leadership briefing', () => {
  it('says there is nothing yet on an empty board, section by section', () => {
    const doc = new Y.Doc();
    initBoard(doc);
    const briefing = buildBriefing(new BoardStore(doc).getSnapshot());
    expect(briefing.emotion.points).toEqual([]);
    expect(briefing.painPoints).toEqual([]);
    expect(briefing.momentsOfTruth).toEqual([]);
    expect(briefing.opportunities).toEqual([]);
    expect(briefing.departments).toEqual([]);
    expect(briefing.metrics).toEqual([]);
    expect(briefing.evidence.total).toBe(0);
  });

  it('calls out the emotional lows, lowest first', () => {
    const { snapshot } = templateBoard();
    const { points, lows } = buildBriefing(snapshot()).emotion;
    expect(points.map((point) => point.score)).toEqual([1, -1, -2, 0, 2, 1]);
    expect(lows.map((point) => [point.stageTitle, point.score, point.note])).toEqual([
      ['Setup', -2, 'Blocked by IT'],
      ['First login', -1, 'Lost'],
    ]);
  });

  it('ranks pain points by severity × (votes + 1), with stage and evidence', () => {
    const { snapshot } = templateBoard();
    const board = snapshot();
    const before = rankPainPoints(board, new Map());
    expect(before[0]).toMatchObject({
      text: 'CRM connection needs admin rights',
      stageTitle: 'Setup',
      severity: 3,
      votes: 0,
      score: 3,
      evidence: 'observed',
    });
    // Three votes on a medium pain point (2 × 4 = 8) put it above the unvoted high one (3).
    const after = rankPainPoints(
      board,
      new Map([[cardId(board, 'Empty workspace with no sample data'), 3]]),
    );
    expect(after.map((pain) => [pain.text, pain.score])).toEqual([
      ['Empty workspace with no sample data', 8],
      ['CRM connection needs admin rights', 3],
      ['Invitees land in the wrong workspace', 2],
      ['Per-seat pricing is hard to justify', 1],
    ]);
  });

  it('lists moments of truth, opportunities with quick wins, and metrics current vs target', () => {
    const { doc, snapshot } = templateBoard();
    updateCard(doc, cardId(snapshot(), 'Invite email to colleagues'), { momentOfTruth: true });
    const briefing = buildBriefing(snapshot());
    expect(briefing.momentsOfTruth.map((moment) => [moment.kind, moment.stageTitle])).toEqual([
      ['stage', 'Setup'],
      ['card', 'Invite team'],
    ]);
    // A stage is named by its title; its description comes under it.
    expect(briefing.momentsOfTruth[0]).toMatchObject({
      text: 'Setup',
      detail: 'Connects data and configures the account.',
    });
    expect(briefing.momentsOfTruth[1]).toMatchObject({ text: 'Invite email to colleagues' });
    expect(briefing.opportunities.length).toBeGreaterThan(0);
    for (const opportunity of briefing.opportunities) {
      expect(opportunity.quickWin).toBe(opportunity.impact === 3 && opportunity.effort === 1);
    }
    expect(briefing.opportunities.some((opportunity) => opportunity.quickWin)).toBe(true);
    expect(briefing.metrics[0]).toMatchObject({
      name: 'Trial conversion',
      current: '3.1%',
      target: '4%',
    });
  });

  it('maps backstage owners to departments and a stages × departments heatmap of pain', () => {
    const doc = new Y.Doc();
    initBoard(doc);
    const [s1, s2] = [addStage(doc, { title: 'Order' }), addStage(doc, { title: 'Deliver' })];
    updateStage(doc, s2, { momentOfTruth: true });
    const backstage = addLane(doc, { title: 'Backstage', kind: 'backstage' });
    const pain = addLane(doc, { title: 'Pain', kind: 'pain' });
    const emotion = addLane(doc, { title: 'Feelings', kind: 'emotion' });
    addCard(doc, {
      stageId: s1,
      laneId: backstage,
      text: 'Fraud check',
      fields: { owner: 'Payments' },
    });
    addCard(doc, {
      stageId: s2,
      laneId: backstage,
      text: 'Refunds',
      fields: { owner: 'payments ' },
    });
    addCard(doc, {
      stageId: s2,
      laneId: backstage,
      text: 'Courier',
      fields: { owner: 'Logistics' },
    });
    addCard(doc, { stageId: s1, laneId: pain, text: 'Card declined', fields: { severity: 3 } });
    addCard(doc, { stageId: s2, laneId: pain, text: 'Late', fields: { severity: 2 } });
    addCard(doc, { stageId: s2, laneId: pain, text: 'Damaged' });
    setEmotion(doc, { stageId: s1, laneId: emotion, score: -1 });
    const briefing = buildBriefing(new BoardStore(doc).getSnapshot());
    expect(briefing.departments.map((d) => [d.name, d.stageIds])).toEqual([
      ['Payments', [s1, s2]],
      ['Logistics', [s2]],
    ]);
    expect(
      briefing.heatmap.map((row) => [
        row.department,
        row.cells.map((c) => [c.owned, c.painPoints, c.weight]),
      ]),
    ).toEqual([
      [
        'Payments',
        [
          [true, 1, 3],
          [true, 2, 3],
        ],
      ],
      [
        'Logistics',
        [
          [false, 0, 0],
          [true, 2, 3],
        ],
      ],
    ]);
    expect(briefing.emotion.points.map((point) => point.score)).toEqual([-1, null]);
  });

  it('gives the share of cards per evidence level, not set last', () => {
    const { snapshot } = templateBoard();
    const { total, shares } = buildBriefing(snapshot()).evidence;
    expect(total).toBe(snapshot().cards.size);
    expect(shares.map((share) => share.level)).toEqual([
      'observed',
      'reported',
      'inferred',
      'hypothesised',
      null,
    ]);
    expect(shares.reduce((sum, share) => sum + share.cards, 0)).toBe(total);
    expect(shares.reduce((sum, share) => sum + share.share, 0)).toBeCloseTo(1);
  });
});
