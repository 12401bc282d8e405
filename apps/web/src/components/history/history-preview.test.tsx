import { deleteCards, encodeBoardState } from '@journeyboard/shared/board';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createPreviewSession } from '../../board/history-preview.ts';
import {
  addCardTo,
  makeTemplateDoc,
  renderWithBoardSession,
  syncInto,
} from '../../board/testing/board-fixture.tsx';
import { BoardView } from '../board/board-view.tsx';
import { ChangeMarksContext } from '../board/change-marks.tsx';

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
});
