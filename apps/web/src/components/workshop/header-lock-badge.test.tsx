import { mapCapabilities } from '@journeyboard/shared';
import type { BoardLock } from '@journeyboard/shared/board';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createBoardSession } from '../../board/board-session.ts';
import { idsByTitle, makeTemplateDoc } from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { errorResponse, mockApi } from '../../test/fetch-mock.ts';
import { LocksProvider } from '../../workshop/lock-context.tsx';
import { BoardView } from '../board/board-view.tsx';

const MAP = 'map-1';

beforeEach(() => {
  useUiStore.getState().reset();
  useMapEventStore.getState().reset(MAP);
});

/** A participant's board under these locks (given the template's ids). */
function participantBoard(locks: (ids: ReturnType<typeof idsByTitle>) => BoardLock[]) {
  // The board asks who is signed in; a guest's answer does not matter here.
  mockApi({ 'GET /api/me': () => errorResponse(401, 'UNAUTHENTICATED', 'Sign in') });
  const doc = makeTemplateDoc();
  const client = createQueryClient({ retry: false });
  client.setQueryData(queryKeys.maps.locks(MAP), { locks: locks(idsByTitle(doc)), revision: 1 });
  render(
    <QueryClientProvider client={client}>
      <CapabilitiesProvider map={mapCapabilities(['workshop-guest'])}>
        <BoardSessionContext value={createBoardSession(doc)}>
          <LocksProvider>
            <BoardView mode="edit" />
          </LocksProvider>
        </BoardSessionContext>
      </CapabilitiesProvider>
    </QueryClientProvider>,
  );
}

describe('the lock beside a stage or lane title says what the lock holds', () => {
  it('a structure lock: the title and place, not the cards', () => {
    participantBoard(() => [{ scope: 'structure', itemId: null }]);
    // Before, the tooltip only repeated "Lane Pain points is locked", as if its cards were too.
    expect(screen.getByRole('button', { name: 'Lane Pain points is locked' })).toHaveAttribute(
      'title',
      'Lane Pain points is locked. Locked with the board’s structure: the lane’s title and place stay; its cards can still change.',
    );
    expect(screen.getByRole('button', { name: 'Stage Purchase is locked' })).toHaveAttribute(
      'title',
      expect.stringContaining('the stage’s title and place stay; its cards and scores can still'),
    );
    // The emotion lane holds scores, which the participant can still set.
    expect(screen.getByRole('button', { name: 'Lane Emotions is locked' })).toHaveAttribute(
      'title',
      expect.stringContaining('its scores can still change'),
    );
  });

  it('a lane’s own lock: the lane and its cards', () => {
    participantBoard((ids) => [{ scope: 'lane', itemId: ids.lane('Pain points') }]);
    expect(screen.getByRole('button', { name: 'Lane Pain points is locked' })).toHaveAttribute(
      'title',
      'Lane Pain points is locked. The facilitator locked this lane and its cards.',
    );
    expect(screen.queryByRole('button', { name: 'Lane Touchpoints is locked' })).toBeNull();
  });
});
