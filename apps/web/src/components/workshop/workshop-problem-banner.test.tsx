import { mapCapabilities } from '@journeyboard/shared';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithSession } from '../../board/testing/board-fixture.tsx';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { errorResponse, jsonResponse, mockApi } from '../../test/fetch-mock.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { LocksProvider } from '../../workshop/lock-context.tsx';
import { useWorkshopProblem } from '../../workshop/workshop-problem.ts';
import { BoardView } from '../board/board-view.tsx';
import { WorkshopProblemBanner } from './workshop-problem-banner.tsx';

const REFUSED = 'Only the map’s facilitators can do this. Ask its owner to make you one.';

beforeEach(() => {
  useUiStore.getState().reset();
  useMapEventStore.getState().reset('map-1');
  act(() => useWorkshopProblem.getState().dismiss());
});
afterEach(() => vi.unstubAllGlobals());

function facilitatorBoard() {
  renderWithSession(
    <CapabilitiesProvider map={mapCapabilities(['owner'])}>
      <WorkshopProblemBanner />
      <LocksProvider>
        <BoardView mode="edit" />
      </LocksProvider>
    </CapabilitiesProvider>,
  );
}

async function chooseFromStageMenu(item: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Actions for stage Purchase' }));
  await user.click(screen.getByRole('menuitemcheckbox', { name: item }));
}

describe('a refused facilitator action chosen from a menu', () => {
  it('says why the stage could not be locked, after the menu has closed', async () => {
    mockApi({ 'POST /api/maps/map-1/locks': () => errorResponse(403, 'FORBIDDEN', REFUSED) });
    facilitatorBoard();
    await chooseFromStageMenu('Lock stage');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(await screen.findByRole('alert')).toHaveTextContent(REFUSED);
    // Another map's page doesn't carry it.
    act(() => useMapEventStore.getState().reset('map-2'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why the spotlight was refused, and goes once dismissed or once an action succeeds', async () => {
    let refuse = true;
    mockApi({
      'PUT /api/maps/map-1/facilitation/spotlight': () =>
        refuse
          ? errorResponse(403, 'FORBIDDEN', REFUSED)
          : jsonResponse(200, { summon: null, spotlight: null, revision: 2 }),
    });
    facilitatorBoard();
    await chooseFromStageMenu('Spotlight for everyone');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(REFUSED);
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();

    await chooseFromStageMenu('Spotlight for everyone');
    await screen.findByRole('alert');
    refuse = false;
    await chooseFromStageMenu('Spotlight for everyone');
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
