import {
  deleteCards,
  diffBoards,
  encodeBoardState,
  renameLane,
  setEmotion,
} from '@journeyboard/shared/board';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createPreviewSession } from '../../board/history-preview.ts';
import {
  addCardTo,
  collaboratorOf,
  idsByTitle,
  makeTemplateDoc,
  readDoc,
  renderWithBoardSession,
  syncInto,
} from '../../board/testing/board-fixture.tsx';
import { BoardView } from '../board/board-view.tsx';
import { ChangeMarksContext } from '../board/change-marks.tsx';
import { marksFrom } from '../../history/change-targets.ts';

describe('a comparison on the read-only board', () => {
  it('draws removed cards as ghosts where they were, and marks added and removed ones', () => {
    const earlier = makeTemplateDoc();
    const kept = addCardTo(earlier, 'Awareness', 'Touchpoints', 'Welcome email');
    const removed = addCardTo(earlier, 'Purchase', 'Pain points', 'Printed leaflet');
    const later = makeTemplateDoc();
    syncInto(later, earlier);
    deleteCards(later, [removed]);
    const added = addCardTo(later, 'Onboarding', 'Touchpoints', 'Setup call');

    const preview = createPreviewSession(encodeBoardState(later), encodeBoardState(earlier));
    expect([...preview.ghosts.cardIds]).toEqual([removed]);
    const marks = {
      cards: new Map([
        [removed, 'removed' as const],
        [added, 'added' as const],
      ]),
      stages: new Map(),
      lanes: new Map(),
      emotions: new Map(),
      current: added,
    };
    renderWithBoardSession(
      <ChangeMarksContext value={marks}>
        <BoardView mode="read-only" />
      </ChangeMarksContext>,
      preview.session,
    );

    const ghost = screen.getByRole('listitem', { name: 'Printed leaflet' });
    expect(ghost).toHaveAttribute('data-change', 'removed');
    expect(ghost).toHaveTextContent('Removed');
    const fresh = screen.getByRole('listitem', { name: 'Setup call' });
    expect(fresh).toHaveAttribute('data-change', 'added');
    expect(fresh).toHaveClass('card--change-current');
    expect(screen.getByRole('listitem', { name: 'Welcome email' })).not.toHaveAttribute(
      'data-change',
    );
    expect(kept).toBeTruthy();
    preview.session.destroy();
  });

  it('marks a renamed lane and a changed emotion score, with the earlier curve dashed under it', () => {
    const earlier = makeTemplateDoc();
    const { stage, lane } = idsByTitle(earlier);
    const emotions = lane('Emotions');
    setEmotion(earlier, { stageId: stage('Awareness'), laneId: emotions, score: 1 });
    setEmotion(earlier, { stageId: stage('Purchase'), laneId: emotions, score: -1 });
    const later = collaboratorOf(earlier);
    setEmotion(later, { stageId: stage('Purchase'), laneId: emotions, score: 2 });
    renameLane(later, lane('Touchpoints'), 'Channels');

    const preview = createPreviewSession(encodeBoardState(later), encodeBoardState(earlier));
    const changes = diffBoards(readDoc(earlier), readDoc(later));
    const marks = marksFrom(changes, `${stage('Purchase')}:${emotions}`, preview.earlierEmotions);
    const { container } = renderWithBoardSession(
      <ChangeMarksContext value={marks}>
        <BoardView mode="read-only" />
      </ChangeMarksContext>,
      preview.session,
    );

    const renamed = container.querySelector(`.lane-title[data-lane-id="${lane('Touchpoints')}"]`);
    expect(renamed).toHaveAttribute('data-change', 'changed');
    expect(renamed).toHaveTextContent('Changed');
    const curve = within(container).getByTestId('emotion-curve');
    expect(curve).toHaveAttribute(
      'aria-label',
      'Emotion curve: Awareness +1, Purchase +2; before: Awareness +1, Purchase −1; changed: Purchase',
    );
    const ring = curve.querySelector(`[data-change-cell="${stage('Purchase')}:${emotions}"]`);
    expect(ring).toHaveAttribute('data-change', 'changed');
    expect(ring).toHaveClass('emotion-change--current');
    expect(within(curve).getByTestId('emotion-baseline-path')).toBeInTheDocument();
    expect(within(curve).getAllByTestId('emotion-baseline-point')).toHaveLength(2);
    preview.session.destroy();
  });
});
