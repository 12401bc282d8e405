import { addCard, applyTemplate, editCardText } from '@journeyboard/shared/board';
import { roundToEmotionScale } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardSession } from './board-session.ts';
import { syncInto } from './testing/board-fixture.tsx';

function setup() {
  const doc = new Y.Doc();
  applyTemplate(doc, 'blank');
  const session = createBoardSession(doc);
  const board = () => session.store.getSnapshot();
  const [stage] = board().stages;
  const [lane] = board().lanes;
  return { doc, session, board, stageId: stage!.id, laneId: lane!.id };
}

describe('board actions', () => {
  it('adding a card and saving its first text is one undo step', () => {
    const { session, board, stageId, laneId } = setup();
    const id = session.actions.addCard(stageId, laneId)!;
    session.actions.editCardText(id, '', 'Sees an ad');
    expect(board().cards.get(id)?.text).toBe('Sees an ad');
    session.actions.undo();
    expect(board().cards.has(id)).toBe(false);
    session.actions.redo();
    expect(board().cards.get(id)?.text).toBe('Sees an ad');
  });

  it("a card added to a lane without a type picked starts as the lane's kind starts one", () => {
    const { session, board, stageId } = setup();
    const laneId = session.actions.addLane('Pain points', 'pain')!;
    const pain = session.actions.addCard(stageId, laneId)!;
    expect(board().cards.get(pain)?.severity).toBe(2);
    // A type picked from the palette decides instead.
    const picked = session.actions.addCard(stageId, laneId, '', { severity: 3 })!;
    expect(board().cards.get(picked)?.severity).toBe(3);
  });

  it('a new card closed without text is taken back, with the fields set while writing it, and no undo or redo step; once touched it stays', () => {
    const { doc, session, board, stageId, laneId } = setup();
    session.actions.addCard(stageId, laneId, 'Kept');
    const id = session.actions.addCard(stageId, laneId)!;
    expect(session.actions.discardNewCard(id)).toBe(true);
    expect(board().cards.has(id)).toBe(false);
    expect(session.history.getSnapshot()).toEqual({ canUndo: true, canRedo: false });
    // The step before it is still the one to undo.
    session.actions.undo();
    expect(board().cards.size).toBe(0);

    // A field set while writing it goes with it: Escape leaves no "Empty card" with a chip.
    const withField = session.actions.addCard(stageId, laneId)!;
    session.actions.updateCard(withField, { color: 'green' });
    expect(session.actions.discardNewCard(withField)).toBe(true);
    expect(board().cards.has(withField)).toBe(false);
    expect(session.history.getSnapshot()).toEqual({ canUndo: false, canRedo: false });

    // Written and then given a field: one step to undo, and no longer new.
    const written = session.actions.addCard(stageId, laneId)!;
    session.actions.updateCard(written, { color: 'green' });
    session.actions.editCardText(written, '', 'Written');
    expect(session.actions.discardNewCard(written)).toBe(false);
    session.actions.undo();
    expect(board().cards.has(written)).toBe(false);
    session.actions.redo();
    expect(board().cards.get(written)).toMatchObject({ text: 'Written', color: 'green' });

    // A collaborator wrote in it meanwhile.
    const shared = session.actions.addCard(stageId, laneId)!;
    const other = new Y.Doc();
    syncInto(other, doc);
    editCardText(other, shared, '', 'Theirs');
    syncInto(doc, other);
    expect(session.actions.discardNewCard(shared)).toBe(false);
    expect(board().cards.get(shared)?.text).toBe('Theirs');
  });

  it('adopting the room’s mean sets the whole emotion curve as one undo step, on the board’s scale', () => {
    const { session, board } = setup();
    const laneId = session.actions.addLane('Feelings', 'emotion')!;
    const [first, second, third] = board().stages;
    if (!first || !second || !third) throw new Error('template changed');
    session.actions.setEmotion(first.id, laneId, 2);
    session.actions.setEmotionNote(first.id, laneId, 'Keen');
    session.actions.setEmotionCurve(laneId, [
      { stageId: first.id, score: roundToEmotionScale(-1.5) },
      { stageId: second.id, score: roundToEmotionScale(0.33) },
      { stageId: third.id, score: roundToEmotionScale(1.5) },
    ]);
    const score = (stageId: string) => board().emotions.get(`${stageId}:${laneId}`);
    expect(score(first.id)).toMatchObject({ score: -2, note: 'Keen' });
    expect(score(second.id)?.score).toBe(0);
    expect(score(third.id)?.score).toBe(2);
    session.actions.undo();
    expect(score(first.id)).toMatchObject({ score: 2, note: 'Keen' });
    expect(score(second.id)).toBeUndefined();
    expect(score(third.id)).toBeUndefined();
  });

  it('later text edits are their own undo steps', () => {
    const { session, board, stageId, laneId } = setup();
    const id = session.actions.addCard(stageId, laneId)!;
    session.actions.editCardText(id, '', 'First');
    session.actions.editCardText(id, 'First', 'First, then more');
    session.actions.undo();
    expect(board().cards.get(id)?.text).toBe('First');
  });

  it('saving an editor keeps a collaborator’s edit made while it was open', () => {
    const { doc, session, board, stageId, laneId } = setup();
    const other = new Y.Doc();
    syncInto(other, doc);
    const id = addCard(doc, { stageId, laneId, text: 'Slow checkout' })!;
    syncInto(other, doc);
    // The collaborator appends while my editor is open on "Slow checkout".
    editCardText(other, id, 'Slow checkout', 'Slow checkout on mobile');
    syncInto(doc, other);
    session.actions.editCardText(id, 'Slow checkout', 'Very slow checkout');
    expect(board().cards.get(id)?.text).toBe('Very slow checkout on mobile');
  });

  it('field, lane, stage and multi-card actions skip no-op writes', () => {
    const { session, board, stageId, laneId } = setup();
    const id = session.actions.addCard(stageId, laneId, 'x', { severity: 2 })!;
    const before = board();
    session.actions.updateCard(id, { severity: 2 });
    session.actions.updateStage(stageId, { title: before.stages[0]!.title });
    session.actions.setLaneCollapsed(laneId, false);
    session.actions.moveCards([], { stageId, laneId });
    session.actions.deleteCards([]);
    expect(board()).toBe(before);

    session.actions.updateCard(id, { severity: 3, momentOfTruth: true });
    session.actions.setLaneCollapsed(laneId, true);
    const copy = session.actions.duplicateCard(id)!;
    expect(board().cards.get(copy)).toMatchObject({ text: 'x', severity: 3, momentOfTruth: true });
    expect(board().lanes[0]?.collapsed).toBe(true);
    session.actions.deleteCards([id, copy]);
    expect(board().cards.size).toBe(0);
  });
});
