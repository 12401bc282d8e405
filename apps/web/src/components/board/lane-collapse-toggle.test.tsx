import { mapCapabilities } from '@journeyboard/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createBoardSession } from '../../board/board-session.ts';
import {
  addCardTo,
  idsByTitle,
  makeTemplateDoc,
  readDoc,
} from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { LocksProvider } from '../../workshop/lock-context.tsx';
import { BoardView } from './board-view.tsx';

const MAP = 'map-1';

beforeEach(() => {
  useUiStore.getState().reset();
  useMapEventStore.getState().reset(MAP);
});

/** A board whose Pain points lane the team collapsed, as `kind` sees it, with the map's structure locked or not. */
function board(
  mode: 'edit' | 'read-only',
  kind: 'viewer' | 'workshop-guest',
  structureLocked: boolean,
) {
  const doc = makeTemplateDoc();
  addCardTo(doc, 'Purchase', 'Pain points', 'Pain 1');
  const session = createBoardSession(doc);
  session.actions.setLaneCollapsed(idsByTitle(doc).lane('Pain points'), true);
  const client = createQueryClient({ retry: false });
  client.setQueryData(queryKeys.maps.locks(MAP), {
    locks: structureLocked ? [{ scope: 'structure', itemId: null }] : [],
    revision: 1,
  });
  render(
    <QueryClientProvider client={client}>
      <CapabilitiesProvider map={mapCapabilities([kind])}>
        <BoardSessionContext value={session}>
          <LocksProvider>
            <BoardView mode={mode} />
          </LocksProvider>
        </BoardSessionContext>
      </CapabilitiesProvider>
    </QueryClientProvider>,
  );
  const collapsedOnBoard = () =>
    readDoc(doc).lanes.find((lane) => lane.title === 'Pain points')!.collapsed;
  const setCollapsedByTeam = (collapsed: boolean) =>
    act(() => session.actions.setLaneCollapsed(idsByTitle(doc).lane('Pain points'), collapsed));
  return { collapsedOnBoard, setCollapsedByTeam };
}

describe('a lane the team collapsed, for someone who may not open it for everyone', () => {
  it.each([
    ['a read-only reader', 'read-only', 'viewer', false],
    ['a participant under a structure lock', 'edit', 'workshop-guest', true],
  ] as const)('%s opens it for themselves only', async (_who, mode, kind, locked) => {
    const user = userEvent.setup();
    const { collapsedOnBoard } = board(mode, kind, locked);
    expect(screen.queryByRole('listitem', { name: 'Pain 1' })).toBeNull();
    // Before, a reader had no chevron, and a locked participant's did nothing.
    const expand = screen.getByRole('button', { name: 'Expand lane Pain points' });
    expect(expand).toHaveAttribute(
      'title',
      'Only for you: the lane stays collapsed for everyone else',
    );
    await user.click(expand);
    expect(screen.getByRole('listitem', { name: 'Pain 1' })).toBeVisible();
    expect(collapsedOnBoard()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Collapse lane Pain points' }));
    expect(screen.queryByRole('listitem', { name: 'Pain 1' })).toBeNull();
  });

  it('once the team has opened it, their next collapse closes it for the reader too', async () => {
    const user = userEvent.setup();
    const { setCollapsedByTeam } = board('read-only', 'viewer', false);
    await user.click(screen.getByRole('button', { name: 'Expand lane Pain points' }));
    setCollapsedByTeam(false);
    expect(screen.getByRole('listitem', { name: 'Pain 1' })).toBeVisible();
    // Before, the reader's own opening outlived the team's: the lane stayed open here.
    setCollapsedByTeam(true);
    expect(screen.queryByRole('listitem', { name: 'Pain 1' })).toBeNull();
  });

  it('an editor it isn’t locked for opens it for everyone, as before', async () => {
    const user = userEvent.setup();
    const { collapsedOnBoard } = board('edit', 'workshop-guest', false);
    await user.click(screen.getByRole('button', { name: 'Expand lane Pain points' }));
    expect(collapsedOnBoard()).toBe(false);
  });
});
