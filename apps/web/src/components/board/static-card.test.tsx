import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { MapAction } from '@journeyboard/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { createQueryClient } from '../../api/query-client.ts';
import { createBoardSession } from '../../board/board-session.ts';
import { addCardTo, makeTemplateDoc, readDoc } from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { useCommentStore } from '../../comments/comment-store.ts';
import { BoardModeContext, type BoardMode } from './board-mode.ts';
import { StaticCard } from './static-card.tsx';

function renderCard(
  mode: BoardMode,
  capabilities: MapAction[] = ['map.read', 'comment.read', 'comment.write'],
) {
  const doc = makeTemplateDoc();
  const board = readDoc(doc);
  const cardId = addCardTo(doc, board.stages[0]!.title, board.lanes[0]!.title, 'Pricing page');
  // Comments are on for this viewer: only the mode decides.
  useCommentStore.getState().reset('map-1');
  useCommentStore.getState().setStatus('live');
  render(
    <QueryClientProvider client={createQueryClient({ retry: false })}>
      <CapabilitiesProvider map={capabilities}>
        <BoardSessionContext value={createBoardSession(doc)}>
          <BoardModeContext value={mode}>
            <ul>
              <StaticCard cardId={cardId} laneKind="touchpoint" />
            </ul>
          </BoardModeContext>
        </BoardSessionContext>
      </CapabilitiesProvider>
    </QueryClientProvider>,
  );
}

describe('a card drawn without editing', () => {
  afterEach(() => useCommentStore.getState().reset(null));

  it('offers "Comment on card" to a reader on screen who may comment', () => {
    renderCard('read-only');
    expect(screen.getByRole('button', { name: 'Comment on card' })).toBeInTheDocument();
  });

  it('offers no "Comment on card" to one who may only read comments, on a card without any', () => {
    renderCard('read-only', ['map.read', 'comment.read']);
    expect(screen.getByTestId('card')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Comment on card' })).toBeNull();
  });

  it.each<BoardMode>(['present', 'print'])('shows no comment tools in %s mode', (mode) => {
    renderCard(mode);
    expect(screen.getByTestId('card')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Comment on card' })).toBeNull();
  });
});
