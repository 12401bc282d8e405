import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import { briefingChanges } from './briefing-changes.ts';
import { diffBoards } from './diff.ts';
import { addCard, deleteCard, moveCard, setCardText, setEmotion } from './ops.ts';
import { readBoard } from './state.ts';
import { applyTemplate } from './templates.ts';

function board() {
  const doc = new Y.Doc();
  applyTemplate(doc, 'saas-onboarding');
  const store = new BoardStore(doc);
  return { doc, snapshot: () => store.getSnapshot() };
}

describe('what changed since the last review, for the briefing', () => {
  it('says nothing changed for an empty list', () => {
    const { snapshot } = board();
    const summary = briefingChanges([], snapshot());
    expect(summary.total).toBe(0);
    expect(summary.counts).toEqual({
      added: 0,
      edited: 0,
      moved: 0,
      removed: 0,
      structure: 0,
      emotion: 0,
    });
  });

  it('counts by kind and picks out new and removed pain points and emotion shifts', () => {
    const { doc, snapshot } = board();
    const before = readBoard(doc);
    const pain = before.lanes.find((lane) => lane.kind === 'pain')!;
    const emotion = before.lanes.find((lane) => lane.kind === 'emotion')!;
    const [first, second] = before.stages;
    const cards = [...before.cards.values()];
    const oldPain = cards.find((card) => card.laneId === pain.id)!;
    const other = cards.find((card) => card.laneId !== pain.id && card.id !== oldPain.id)!;
    const third = cards.find((c) => c.laneId !== pain.id && c.id !== other.id)!;

    const high = addCard(doc, {
      stageId: first!.id,
      laneId: pain.id,
      text: 'Setup takes a week',
      fields: { severity: 3 },
    })!;
    addCard(doc, {
      stageId: second!.id,
      laneId: pain.id,
      text: 'Pricing unclear',
      fields: { severity: 1 },
    });
    deleteCard(doc, oldPain.id);
    setCardText(doc, other.id, 'Reworded');
    moveCard(doc, third.id, { stageId: second!.id, laneId: third.laneId });
    setEmotion(doc, { stageId: first!.id, laneId: emotion.id, score: -2 });

    const summary = briefingChanges(diffBoards(before, snapshot()), snapshot());
    expect(summary.counts).toMatchObject({ added: 2, edited: 1, removed: 1, emotion: 1 });
    expect(summary.newPainPoints.map((p) => [p.id === high, p.text, p.severity])).toEqual([
      [true, 'Setup takes a week', 3],
      [false, 'Pricing unclear', 1],
    ]);
    expect(summary.newPainPoints[0]!.stageTitle).toBe(first!.title);
    expect(summary.removedPainPoints.map((p) => p.id)).toEqual([oldPain.id]);
    expect(summary.emotionShifts).toEqual([
      expect.objectContaining({ stageId: first!.id, stageTitle: first!.title, from: 1, to: -2 }),
    ]);
  });
});
