import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import {
  mapCapabilities,
  workspaceCapabilities,
  type TMeResponse,
  type TWorkspaceRole,
} from '@journeyboard/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useWorkspaceStore } from '../auth/workspace-store.ts';
import { vi } from 'vitest';
import { errorResponse, journeyMap, jsonResponse, mockApi } from '../test/fetch-mock.ts';
import { lastKnown } from '../offline/last-known.ts';
import { useOfflineAs } from '../test/offline.ts';
import { seedMe, withQueries } from '../test/query-wrapper.tsx';
import { MapListPage, OFFLINE_MESSAGE } from './map-list-page.tsx';

function BoardStandIn() {
  const { mapId } = useParams();
  return <p>Board {mapId}</p>;
}

function renderPage() {
  return render(
    withQueries(
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route path="/" element={<MapListPage />} />
          <Route path="/maps/:mapId" element={<BoardStandIn />} />
        </Routes>
      </MemoryRouter>,
    ),
  );
}

/** Signed in as a member of one team workspace with `role` (what /api/me says). */
function signInAs(role: TWorkspaceRole) {
  const me: TMeResponse = {
    kind: 'user',
    user: { id: 'u1', email: 'ada@example.test', name: 'Ada' },
    workspaces: [
      { id: 'w1', name: 'Team', personal: false, role, capabilities: workspaceCapabilities(role) },
    ],
  };
  seedMe({ me });
  useWorkspaceStore.setState({ workspaceId: 'w1' });
}

beforeEach(() => signInAs('owner'));

/** Requests about maps (the page also asks for the workspace's personas). */
const mapRequests = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.filter(
    ([input]) => typeof input === 'string' && input.startsWith('/api/maps'),
  );

afterEach(() => vi.unstubAllGlobals());

describe('MapListPage', () => {
  it('offers a viewer no Create map, and no rename or delete on the maps', async () => {
    signInAs('viewer');
    mockApi({
      'GET /api/maps': () =>
        jsonResponse(200, {
          maps: [journeyMap({ title: 'Onboarding', capabilities: mapCapabilities(['viewer']) })],
        }),
    });
    renderPage();

    expect(await screen.findByRole('link', { name: 'Onboarding' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create map' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Rename map/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete map/ })).not.toBeInTheDocument();
  });

  it('says who added this account to a workspace, opens it, and stops saying so', async () => {
    const team = { id: 'w1', name: 'Team', personal: false, role: 'owner' as const };
    const research = {
      id: 'w2',
      name: 'Research',
      personal: false,
      role: 'editor' as const,
      capabilities: workspaceCapabilities('editor'),
    };
    const user = { id: 'u1', email: 'ada@example.test', name: 'Ada' };
    seedMe({ me: { kind: 'user', user, workspaces: [team, { ...research, addedBy: 'Ana' }] } });
    const api = mockApi({
      'GET /api/maps': () => jsonResponse(200, { maps: [] }),
      'GET /api/workspaces/w1/personas': () => jsonResponse(200, { personas: [] }),
      'GET /api/workspaces/w2/personas': () => jsonResponse(200, { personas: [] }),
      'POST /api/workspaces/w2/acknowledge': () => new Response(null, { status: 204 }),
      'GET /api/me': () => jsonResponse(200, { kind: 'user', user, workspaces: [team, research] }),
    });
    renderPage();

    const notice = (await screen.findByText(/added you to/)).closest('[role="status"]');
    expect(notice).toHaveTextContent('Ana added you to Research (Editor).');
    await userEvent.click(
      within(notice as HTMLElement).getByRole('button', { name: 'Open Research' }),
    );
    expect(useWorkspaceStore.getState().workspaceId).toBe('w2');
    await vi.waitFor(() =>
      expect(screen.queryByText(/added you to Research/)).not.toBeInTheDocument(),
    );
    expect(api).toHaveBeenCalledWith('/api/workspaces/w2/acknowledge', expect.anything());
  });

  it('lists the maps with title, description and last update', async () => {
    mockApi({
      'GET /api/maps': () =>
        jsonResponse(200, {
          maps: [
            journeyMap({ id: 'a', title: 'Onboarding', description: 'New admins, first week' }),
            journeyMap({ id: 'b', title: 'Renewal' }),
          ],
        }),
    });
    renderPage();

    const list = await screen.findByRole('list', { name: 'Journey maps' });
    const items = within(list).getAllByTestId('map-item');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link', { name: 'Onboarding' })).toHaveAttribute(
      'href',
      '/maps/a',
    );
    expect(items[0]).toHaveTextContent('New admins, first week');
    expect(items[0]).toHaveTextContent('Updated 5 minutes ago');
    expect(within(items[1]!).getByRole('link', { name: 'Renewal' })).toBeInTheDocument();
  });

  it('shows an empty state when there are no maps', async () => {
    mockApi({ 'GET /api/maps': () => jsonResponse(200, { maps: [] }) });
    renderPage();
    expect(await screen.findByText('No journey maps yet')).toBeInTheDocument();
  });

  it('shows why the list could not load, and retries', async () => {
    let calls = 0;
    mockApi({
      'GET /api/maps': () =>
        ++calls === 1
          ? errorResponse(
              503,
              'DATABASE_UNAVAILABLE',
              'The database is not reachable right now. Try again shortly.',
            )
          : jsonResponse(200, { maps: [journeyMap()] }),
    });
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The database is not reachable right now. Try again shortly.',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'First purchase' })).toBeInTheDocument();
  });

  it('shows the API’s message when creating a map fails', async () => {
    mockApi({
      'GET /api/maps': () => jsonResponse(200, { maps: [] }),
      'POST /api/maps': () =>
        errorResponse(
          503,
          'DATABASE_UNAVAILABLE',
          'The database is not reachable right now. Try again shortly.',
        ),
    });
    const user = userEvent.setup();
    renderPage();

    await user.type(await screen.findByLabelText('Title'), 'Checkout');
    await user.click(screen.getByRole('button', { name: 'Create map' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The database is not reachable right now. Try again shortly.',
    );
    expect(screen.getByRole('button', { name: 'Create map' })).toBeEnabled();
    expect(screen.getByLabelText('Title')).toHaveValue('Checkout');
  });

  it('explains a missing title without calling the API', async () => {
    const fetchMock = mockApi({ 'GET /api/maps': () => jsonResponse(200, { maps: [] }) });
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('No journey maps yet');

    await user.click(screen.getByRole('button', { name: 'Create map' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the map a title.');
    expect(mapRequests(fetchMock)).toHaveLength(1);
  });

  it('creates a map from the chosen template and opens it', async () => {
    const fetchMock = mockApi({
      'GET /api/maps': () => jsonResponse(200, { maps: [] }),
      'POST /api/maps': () => jsonResponse(201, journeyMap({ id: 'new-map', title: 'Checkout' })),
    });
    const user = userEvent.setup();
    renderPage();

    await user.type(await screen.findByLabelText('Title'), 'Checkout');
    await user.type(screen.getByLabelText(/Description/), 'Guest checkout on mobile');
    expect(screen.getByRole('combobox', { name: 'Template' })).toHaveDisplayValue('Blank journey');
    await user.click(screen.getByRole('button', { name: 'Create map' }));

    expect(await screen.findByText('Board new-map')).toBeInTheDocument();
    const [, init] = fetchMock.mock.calls.find(([, request]) => request?.method === 'POST')!;
    expect(JSON.parse(init?.body as string)).toEqual({
      title: 'Checkout',
      description: 'Guest checkout on mobile',
      template: 'blank',
      workspaceId: 'w1',
    });
  });

  it('renames a map in place', async () => {
    mockApi({
      'GET /api/maps': () => jsonResponse(200, { maps: [journeyMap()] }),
      'PATCH /api/maps/map-1': ({ body }) =>
        jsonResponse(200, journeyMap({ title: (body as { title: string }).title })),
    });
    const user = userEvent.setup();
    renderPage();

    await user.click(await screen.findByRole('button', { name: 'Rename map First purchase' }));
    const input = screen.getByRole('textbox', { name: 'Map title' });
    await user.clear(input);
    await user.type(input, 'Repeat purchase{Enter}');
    expect(await screen.findByRole('link', { name: 'Repeat purchase' })).toBeInTheDocument();
  });

  it('shows the API’s message when a rename is refused', async () => {
    mockApi({
      'GET /api/maps': () => jsonResponse(200, { maps: [journeyMap()] }),
      'PATCH /api/maps/map-1': () =>
        errorResponse(
          404,
          'MAP_NOT_FOUND',
          'This journey map does not exist or you cannot see it.',
        ),
    });
    const user = userEvent.setup();
    renderPage();

    await user.click(await screen.findByRole('button', { name: 'Rename map First purchase' }));
    await user.type(screen.getByRole('textbox', { name: 'Map title' }), ' 2{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This journey map does not exist or you cannot see it.',
    );
    expect(screen.getByRole('link', { name: 'First purchase' })).toBeInTheDocument();
  });

  it('deletes a map after confirming', async () => {
    const fetchMock = mockApi({
      'GET /api/maps': () =>
        jsonResponse(200, { maps: [journeyMap(), journeyMap({ id: 'keep', title: 'Keep me' })] }),
      'DELETE /api/maps/map-1': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderPage();

    await user.click(await screen.findByRole('button', { name: 'Delete map First purchase' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “First purchase”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(mapRequests(fetchMock)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete map First purchase' }));
    await user.click(screen.getByRole('button', { name: 'Delete map' }));
    await screen.findByRole('link', { name: 'Keep me' });
    expect(screen.queryByRole('link', { name: 'First purchase' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  describe('with no network', () => {
    const me: TMeResponse = {
      kind: 'user',
      user: { id: 'u1', email: 'ada@example.test', name: 'Ada' },
      workspaces: [],
    };

    useOfflineAs(me);

    it('lists the maps this account opened on this device, to open but not change', async () => {
      lastKnown.rememberMap(
        { ...me, user: { ...me.user, id: 'someone-else' } },
        journeyMap({ id: 'theirs', title: 'Someone else’s map' }),
      );
      lastKnown.rememberMe(me); // another account's maps are dropped when this one signs in
      lastKnown.rememberMap(me, journeyMap({ id: 'kept', title: 'Kept on this device' }));
      renderPage();

      expect(await screen.findByText(OFFLINE_MESSAGE)).toBeInTheDocument();
      const list = screen.getByRole('list', { name: 'Journey maps' });
      expect(within(list).getAllByTestId('map-item')).toHaveLength(1);
      expect(within(list).getByRole('link', { name: 'Kept on this device' })).toHaveAttribute(
        'href',
        '/maps/kept',
      );
      expect(screen.queryByRole('button', { name: /Rename map/ })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Delete map/ })).not.toBeInTheDocument();
    });

    it('says so when nothing is saved on this device', async () => {
      renderPage();
      expect(await screen.findByText('No maps are saved on this device yet.')).toBeInTheDocument();
      expect(screen.queryByText('No journey maps yet')).not.toBeInTheDocument();
    });
  });

  describe('with no network, in a team workspace', () => {
    const me: TMeResponse = {
      kind: 'user',
      user: { id: 'u1', email: 'ada@example.test', name: 'Ada' },
      workspaces: [
        {
          id: 'w1',
          name: 'Team',
          personal: false,
          role: 'owner',
          capabilities: workspaceCapabilities('owner'),
        },
      ],
    };
    useOfflineAs(me);

    it('offers nothing that needs the server, and says why', async () => {
      vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
      renderPage();

      expect(await screen.findByText(OFFLINE_MESSAGE)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Create map' })).not.toBeInTheDocument();
      expect(
        screen.getByText('Creating a map needs a connection to the server; you’re offline.'),
      ).toBeInTheDocument();
      // Still reachable by keyboard and touch: announced as unavailable, with why.
      const newWorkspace = screen.getByRole('button', { name: 'New workspace' });
      expect(newWorkspace).toHaveAttribute('aria-disabled', 'true');
      expect(newWorkspace).toHaveAccessibleDescription(
        'Creating a workspace needs a connection to the server; you’re offline.',
      );
      const nav = screen.getByRole('navigation', { name: 'Main' });
      expect(within(nav).queryByRole('link', { name: 'Members' })).not.toBeInTheDocument();
      const members = within(nav).getByRole('button', { name: 'Members' });
      expect(members).toHaveAttribute('aria-disabled', 'true');
      expect(members).toHaveAccessibleDescription(
        'Members needs a connection to the server; you’re offline.',
      );
      // Pressed, it shows why (a tooltip reaches no finger).
      await userEvent.click(members);
      expect(
        within(nav).getByText('Members needs a connection to the server; you’re offline.'),
      ).toHaveClass('unavailable-action__reason');
      // Other pages stay linked; each says for itself what it can show offline.
      expect(within(nav).getByRole('link', { name: 'Personas' })).toHaveAttribute(
        'href',
        '/workspaces/w1/personas',
      );
    });
  });
});
