import {
  CloseCode,
  CloseReason,
  mapCapabilities,
  presenceColor,
  type MapAction,
  type TMeResponse,
} from '@journeyboard/shared';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectBoardSession,
  createBoardSession,
  type BoardSession,
} from '../board/board-session.ts';
import type * as BoardSessionModule from '../board/board-session.ts';
import type { ConnectionState } from '../board/connection.ts';
import { ValueStore } from '../board/value-store.ts';
import { makeTemplateDoc } from '../board/testing/board-fixture.tsx';
import { errorResponse, journeyMap, jsonResponse, mockApi } from '../test/fetch-mock.ts';
import { lastKnown } from '../offline/last-known.ts';
import { useOfflineAs } from '../test/offline.ts';
import { withQueries } from '../test/query-wrapper.tsx';
import { BoardPage } from './board-page.tsx';

// The page opens its session through connectBoardSession; here it gets a
// socket-less session over a template doc, with a connection the test drives.
vi.mock('../board/board-session.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof BoardSessionModule>();
  return { ...actual, connectBoardSession: vi.fn() };
});

let connection: ValueStore<ConnectionState>;
/** What the (simulated) sync socket said this connection may do. */
let serverCapabilities: ValueStore<readonly MapAction[] | null>;
let destroy: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  connection = new ValueStore<ConnectionState>(connectionState('connecting', false));
  serverCapabilities = new ValueStore<readonly MapAction[] | null>(null);
  destroy = vi.fn<() => void>();
  vi.mocked(connectBoardSession).mockImplementation((): BoardSession => {
    const session = createBoardSession(makeTemplateDoc());
    return {
      ...session,
      connection,
      capabilities: serverCapabilities,
      destroy: () => {
        destroy();
        session.destroy();
      },
    };
  });
});

afterEach(() => vi.unstubAllGlobals());

function renderBoard(mapId = 'map-1') {
  return render(
    withQueries(
      <MemoryRouter initialEntries={[`/maps/${mapId}`]}>
        <Routes>
          <Route path="/" element={<p>All maps page</p>} />
          <Route path="/signin" element={<SignInProbe />} />
          <Route path="/maps/:mapId" element={<BoardPage />} />
        </Routes>
      </MemoryRouter>,
    ),
  );
}

/** Where "Sign in" leads: says where it would return to. */
function SignInProbe() {
  const { search } = useLocation();
  return <p>Sign-in page {new URLSearchParams(search).get('next')}</p>;
}

const connectionState = (status: ConnectionState['status'], hasSynced: boolean) => ({
  status,
  hasSynced,
  pendingChanges: 0,
  nextAttemptAt: null,
});
const setConnection = (state: ConnectionState) => act(() => connection.set(state));

describe('BoardPage', () => {
  it('shows the title from the API and the board once it has synced', async () => {
    mockApi({
      'GET /api/maps/map-1': () => jsonResponse(200, journeyMap({ title: 'First purchase' })),
    });
    renderBoard();

    expect(
      await screen.findByRole('button', { name: 'Rename map First purchase' }),
    ).toBeInTheDocument();
    expect(vi.mocked(connectBoardSession)).toHaveBeenCalledWith('map-1', {
      onWritesRefused: expect.any(Function),
    });
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Connecting…');
    expect(screen.getByText('Loading board…')).toBeInTheDocument();
    expect(screen.queryByTestId('cell')).not.toBeInTheDocument();

    setConnection(connectionState('live', true));
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Live');
    expect(screen.getByRole('button', { name: 'Rename stage Awareness' })).toBeInTheDocument();

    // Losing the connection keeps the board on screen.
    setConnection(connectionState('offline', true));
    expect(screen.getByTestId('connection-status')).toHaveTextContent(
      'Offline — changes saved on this device',
    );
    expect(screen.getByRole('button', { name: 'Rename stage Awareness' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All maps' })).toHaveAttribute('href', '/');
  });

  it('offers what the socket says, and changes it when a role change reconnects it', async () => {
    mockApi({
      'GET /api/maps/map-1': () =>
        jsonResponse(200, journeyMap({ capabilities: mapCapabilities(['editor']) })),
    });
    renderBoard();
    setConnection(connectionState('live', true));
    expect(await screen.findByRole('button', { name: 'Share' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Add card to / }).length).toBeGreaterThan(0);

    // Demoted to viewer: the server closes the socket (4000), it reconnects and says so.
    act(() => serverCapabilities.set(mapCapabilities(['viewer'])));
    expect(screen.queryByRole('button', { name: /^Add card to / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Share' })).not.toBeInTheDocument();
    expect(screen.getByText('View only')).toBeInTheDocument();

    act(() => serverCapabilities.set(mapCapabilities(['editor'])));
    expect(screen.getAllByRole('button', { name: /^Add card to / }).length).toBeGreaterThan(0);
  });

  it('offers a workshop guest the board but no Share', async () => {
    mockApi({
      'GET /api/maps/map-1': () =>
        jsonResponse(200, journeyMap({ capabilities: mapCapabilities(['workshop-guest']) })),
    });
    renderBoard();
    setConnection(connectionState('live', true));
    await screen.findByRole('button', { name: 'Rename map First purchase' });
    expect(screen.getByRole('button', { name: 'Present' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Add card to / }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Share' })).not.toBeInTheDocument();
  });

  it.each([
    [CloseReason.signedOut, 'You were signed out'],
    [CloseReason.sessionExpired, 'Your session ended — sign in again'],
  ])(
    'signed out under the open board (%s): says so, and "Sign in" leads to sign in and back',
    async (reason, told) => {
      let meAsked = 0;
      mockApi({
        'GET /api/maps/map-1': () => jsonResponse(200, journeyMap()),
        'GET /api/me': () => ((meAsked += 1), errorResponse(401, 'UNAUTHENTICATED', 'Sign in.')),
      });
      renderBoard();
      await screen.findByRole('button', { name: 'Rename map First purchase' });
      // The socket is closed for good: it takes nothing more (trackServerCapabilities).
      setConnection({
        ...connectionState('closed', true),
        closedWith: { code: CloseCode.accessRevoked, reason },
      });
      act(() => serverCapabilities.set([]));
      expect(await screen.findByTestId('view-only-badge')).toHaveTextContent(told);
      const askedBefore = meAsked;
      await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
      expect(await screen.findByText(/Sign-in page/)).toHaveTextContent('Sign-in page /maps/map-1');
      // Asked again on the way, so the sign-in page shows no one's name.
      expect(meAsked).toBe(askedBefore + 1);
    },
  );

  it('shows a not-found page when the socket is closed with 4404', async () => {
    mockApi({ 'GET /api/maps/map-1': () => jsonResponse(200, journeyMap()) });
    renderBoard();
    setConnection(connectionState('not-found', false));
    expect(await screen.findByRole('heading', { name: 'Map not found' })).toBeInTheDocument();
  });

  it('shows the API’s message and closes the session when the map does not exist', async () => {
    mockApi({
      'GET /api/maps/gone': () =>
        errorResponse(
          404,
          'MAP_NOT_FOUND',
          'This journey map does not exist or you cannot see it.',
        ),
    });
    renderBoard('gone');
    expect(await screen.findByRole('heading', { name: 'Map not found' })).toBeInTheDocument();
    expect(
      screen.getByText('This journey map does not exist or you cannot see it.'),
    ).toBeInTheDocument();
    expect(destroy).toHaveBeenCalled();
  });

  it('renames the map through the API and puts the old title back if that fails', async () => {
    let fail = false;
    mockApi({
      'GET /api/maps/map-1': () => jsonResponse(200, journeyMap({ title: 'Checkout' })),
      'PATCH /api/maps/map-1': ({ body }) =>
        fail
          ? errorResponse(400, 'VALIDATION_FAILED', 'Keep the title to 120 characters or fewer.')
          : jsonResponse(200, journeyMap({ title: (body as { title: string }).title })),
    });
    const user = userEvent.setup();
    renderBoard();

    await user.click(await screen.findByRole('button', { name: 'Rename map Checkout' }));
    await user.keyboard('Guest checkout{Enter}');
    expect(
      await screen.findByRole('button', { name: 'Rename map Guest checkout' }),
    ).toBeInTheDocument();

    fail = true;
    await user.click(screen.getByRole('button', { name: 'Rename map Guest checkout' }));
    await user.keyboard('Too long{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Keep the title to 120 characters or fewer.',
    );
    expect(screen.getByRole('button', { name: 'Rename map Guest checkout' })).toBeInTheDocument();
  });

  describe('with no network (me from this device)', () => {
    const user = { id: 'u1', email: 'ada@example.test', name: 'Ada' };
    const me: TMeResponse = { kind: 'user', user, workspaces: [] };

    useOfflineAs(me);
    beforeEach(() => vi.mocked(connectBoardSession).mockClear());

    it('opens a map this account opened here before, from the device’s copy', async () => {
      lastKnown.rememberMap(me, journeyMap({ title: 'Kept on this device' }));
      renderBoard();
      expect(
        await screen.findByRole('button', { name: 'Rename map Kept on this device' }),
      ).toBeInTheDocument();
      // Presence shows the account the device remembers, as the server will stamp it.
      expect(vi.mocked(connectBoardSession)).toHaveBeenCalledWith('map-1', {
        identity: { id: 'u1', name: 'Ada', color: presenceColor('u1') },
        onWritesRefused: expect.any(Function),
      });
      setConnection(connectionState('offline', true));
      expect(screen.getByTestId('connection-status')).toHaveTextContent(
        'Offline — changes saved on this device',
      );
    });

    it('opens nothing of a map this account never opened here', async () => {
      lastKnown.rememberMap(
        { kind: 'user', user: { ...user, id: 'someone-else' }, workspaces: [] },
        journeyMap({ title: 'Someone else’s map' }),
      );
      renderBoard();
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'This map isn’t saved on this device yet',
      );
      expect(vi.mocked(connectBoardSession)).not.toHaveBeenCalled();
    });
  });
});
