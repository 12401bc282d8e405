import { mapCapabilities, type MapAction, type TTimer } from '@journeyboard/shared';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { jsonResponse, mockApi } from '../../test/fetch-mock.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { receiveTimer } from '../../workshop/timer-queries.ts';
import { setTimerMuted } from '../../workshop/timer-sound.ts';
import { useTimerChime } from '../../workshop/use-timer.ts';
import { StartTimerButton, WorkshopTimer } from './workshop-timer.tsx';

const playChime = vi.hoisted(() => vi.fn());
vi.mock('../../workshop/chime.ts', () => ({ playChime }));

const serverNow = new Date('2026-12-02T10:00:00.000Z').getTime();

function timer(overrides: Partial<TTimer> = {}): TTimer {
  return {
    status: 'running',
    durationMs: 300_000,
    endsAt: new Date(serverNow + 300_000).toISOString(),
    remainingMs: 300_000,
    now: new Date(serverNow).toISOString(),
    revision: 1,
    ...overrides,
  };
}

let queryClient: QueryClient;
const withCache = (ui: ReactNode) => (
  <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
);
/** A timer state arriving (event or answer) at our clock's `receivedAt`. */
const receive = (state: TTimer, receivedAt?: number) =>
  receiveTimer(queryClient, 'map-1', state, receivedAt);
const cached = () => queryClient.getQueryData<{ timer: TTimer }>(['maps', 'one', 'map-1', 'timer']);

/** The header's timer and the workshop tools' "Timer", as a board page has them. */
function renderTimer(capabilities: readonly MapAction[]) {
  return render(
    withCache(
      <CapabilitiesProvider map={capabilities}>
        <StartTimerButton mapId="map-1" />
        <WorkshopTimer mapId="map-1" />
      </CapabilitiesProvider>,
    ),
  );
}

beforeEach(() => {
  queryClient = createQueryClient({ retry: false });
  // The stream hasn't said `ready`: nothing loads by itself, states arrive as the tests say.
  useMapEventStore.getState().reset('map-1');
  setTimerMuted(false);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  playChime.mockReset();
});

describe('WorkshopTimer', () => {
  it('shows nothing to someone who can’t facilitate while no timer runs', () => {
    const { container } = renderTimer(mapCapabilities(['workshop-guest']));
    expect(container).toBeEmptyDOMElement();
  });

  it('keeps the header empty for a facilitator until a timer runs; then shows it, without “Timer”', () => {
    const header = () =>
      render(
        withCache(
          <CapabilitiesProvider map={mapCapabilities(['owner'])}>
            <WorkshopTimer mapId="map-1" />
          </CapabilitiesProvider>,
        ),
      );
    const idle = header();
    expect(idle.container).toBeEmptyDOMElement();
    idle.unmount();
    act(() => receive(timer(), Date.now()));
    renderTimer(mapCapabilities(['owner']));
    expect(screen.getByRole('timer', { name: 'Workshop timer' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Timer' })).toBeNull();
  });

  it('lets a facilitator start a timer, then shows it counting with the controls', async () => {
    const started = timer();
    const fetchMock = mockApi({ 'POST /api/maps/map-1/timer': () => jsonResponse(200, started) });
    renderTimer(mapCapabilities(['editor']));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Timer' }));
    await user.click(screen.getByRole('button', { name: '3 min' }));
    expect(fetchMock).toHaveBeenCalledOnce();
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(JSON.parse(init?.body as string)).toEqual({ durationSeconds: 180 });
    expect(await screen.findByRole('timer', { name: 'Workshop timer' })).toHaveTextContent('5:00');
    for (const name of ['Pause timer', 'Add 1 min', 'Stop timer']) {
      expect(screen.getByRole('button', { name })).toBeVisible();
    }
  });

  it('shows the room’s time to a participant whose clock is minutes off, without controls', () => {
    // This machine's clock is 7 minutes fast; the state arrived right after the server read it.
    vi.useFakeTimers({ now: serverNow + 7 * 60_000 });
    act(() => {
      receive(timer(), Date.now());
    });
    renderTimer(mapCapabilities(['workshop-guest']));
    const display = screen.getByRole('timer', { name: 'Workshop timer' });
    expect(display).toHaveTextContent('5:00');
    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(display).toHaveTextContent('3:59');
    expect(display).toHaveTextContent('3 minutes 59 seconds left');
    expect(screen.queryByRole('button', { name: 'Pause timer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Mute the timer’s chime' })).toBeVisible();
  });

  it('holds a paused timer and says so', () => {
    act(() => receive(timer({ status: 'paused', endsAt: null, remainingMs: 65_000 }), Date.now()));
    renderTimer(mapCapabilities(['owner']));
    expect(screen.getByRole('timer', { name: 'Workshop timer' })).toHaveTextContent('1:05');
    expect(screen.getByText('Paused')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Resume timer' })).toBeVisible();
  });

  it('ignores a state older than the one it has', () => {
    act(() => receive(timer({ revision: 3 }), Date.now()));
    act(() => receive(timer({ revision: 2, status: 'stopped' })));
    expect(cached()?.timer.revision).toBe(3);
  });
});

function Chime() {
  useTimerChime();
  return null;
}

describe('the chime', () => {
  it('sounds once at zero, shows Time’s up, and stays quiet for someone who muted it', () => {
    vi.useFakeTimers({ now: serverNow });
    act(() => receive(timer({ endsAt: new Date(serverNow + 2_000).toISOString() }), serverNow));
    render(
      withCache(
        <CapabilitiesProvider map={mapCapabilities(['viewer'])}>
          <Chime />
          <WorkshopTimer mapId="map-1" />
        </CapabilitiesProvider>,
      ),
    );
    act(() => {
      vi.advanceTimersByTime(1_900);
    });
    expect(playChime).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(playChime).toHaveBeenCalledOnce();
    expect(screen.getByText('Time’s up')).toBeVisible();
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(playChime).toHaveBeenCalledOnce();

    // Muted: a new run reaches zero without a sound.
    act(() => {
      setTimerMuted(true);
    });
    act(() =>
      receive(
        timer({
          revision: 2,
          now: new Date(Date.now()).toISOString(),
          endsAt: new Date(Date.now() + 1_000).toISOString(),
        }),
        Date.now(),
      ),
    );
    act(() => {
      vi.advanceTimersByTime(1_500);
    });
    expect(playChime).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Mute the timer’s chime' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('clears “Time’s up” two minutes after zero, for someone who was there and someone who came later', () => {
    vi.useFakeTimers({ now: serverNow });
    act(() => receive(timer({ endsAt: new Date(serverNow + 1_000).toISOString() }), serverNow));
    renderTimer(mapCapabilities(['owner']));
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByText('Time’s up')).toBeVisible();
    act(() => {
      vi.advanceTimersByTime(100_000);
    });
    expect(screen.getByText('Time’s up')).toBeVisible();
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    // The facilitator can start the next one.
    expect(screen.getByRole('button', { name: 'Timer' })).toBeVisible();

    // Opened later: the server says finished a minute ago, then it goes an hour after.
    act(() =>
      receive(
        timer({
          revision: 2,
          status: 'finished',
          now: new Date(Date.now()).toISOString(),
          endsAt: new Date(Date.now() - 60_000).toISOString(),
          remainingMs: 0,
        }),
        Date.now(),
      ),
    );
    // The cache tells its readers on a timer of its own.
    act(() => {
      vi.advanceTimersByTime(10);
    });
    expect(screen.getByText('Time’s up')).toBeVisible();
    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('stops re-rendering a few times a second at zero: “Time’s up” holds still until it is over', () => {
    vi.useFakeTimers({ now: serverNow });
    act(() => receive(timer({ endsAt: new Date(serverNow + 1_000).toISOString() }), serverNow));
    let commits = 0;
    render(
      withCache(
        <Profiler id="timer" onRender={() => (commits += 1)}>
          <CapabilitiesProvider map={mapCapabilities(['owner'])}>
            <WorkshopTimer mapId="map-1" />
          </CapabilitiesProvider>
        </Profiler>,
      ),
    );
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByText('Time’s up')).toBeVisible();
    commits = 0;
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(commits).toBe(0);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('does not sound for a timer that was already at zero when it arrived', () => {
    vi.useFakeTimers({ now: serverNow });
    act(() =>
      receive(
        timer({
          status: 'finished',
          endsAt: new Date(serverNow - 1).toISOString(),
          remainingMs: 0,
        }),
        serverNow,
      ),
    );
    render(withCache(<Chime />));
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(playChime).not.toHaveBeenCalled();
  });
});
