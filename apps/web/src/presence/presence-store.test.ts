import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { Doc } from 'yjs';
import { PresenceStore } from './presence-store.ts';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

function setup() {
  const doc = new Doc();
  const awareness = new Awareness(doc);
  const frames: (() => void)[] = [];
  const store = new PresenceStore(awareness, {
    throttleMs: 50,
    scheduleFrame: (callback) => void frames.push(callback),
  });
  const runFrames = () => frames.splice(0).forEach((callback) => callback());
  return { doc, awareness, store, runFrames };
}

/** Another participant's state, as it would arrive from the server. */
function remote(awareness: Awareness, clientId: number, state: Record<string, unknown>) {
  const states = awareness.getStates() as Map<number, Record<string, unknown>>;
  states.set(clientId, state);
  awareness.emit('change', [{ added: [clientId], updated: [], removed: [] }, 'remote']);
}

describe('PresenceStore', () => {
  it('announces a name kept on this device and an empty activity', () => {
    localStorage.setItem('journeyboard:display-name', 'Ada');
    const { awareness } = setup();
    expect(awareness.getLocalState()).toMatchObject({
      user: { name: 'Ada' },
      cursor: null,
      cardId: null,
      editing: false,
    });
  });

  it('sends at most one cursor update per throttle window, and always the last position', () => {
    vi.useFakeTimers();
    const { awareness, store } = setup();
    const sent = vi.fn();
    awareness.on('change', (_: unknown, origin: unknown) => {
      if (origin === 'local') sent();
    });
    for (let x = 0; x < 100; x++) {
      store.setCursor({ x, y: 1 });
      vi.advanceTimersByTime(1); // 100 moves in 100 ms
    }
    vi.advanceTimersByTime(100);
    expect(sent.mock.calls.length).toBeLessThanOrEqual(3);
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 99, y: 1 });
  });

  it('shares no pointer or selected card while discreet (a secret round), and the latest once it ends', () => {
    vi.useFakeTimers();
    const { awareness, store } = setup();
    store.setCursor({ x: 10, y: 20 });
    store.setCard('card-1', false);
    expect(awareness.getLocalState()).toMatchObject({ cursor: { x: 10, y: 20 }, cardId: 'card-1' });

    store.setDiscreet(true);
    // Gone at once for everyone, not at the next move.
    expect(awareness.getLocalState()).toMatchObject({ cursor: null, cardId: null, editing: false });
    store.setCard('card-2', true);
    store.setViewport({ x: 0, y: 0, width: 800, height: 600 });
    vi.advanceTimersByTime(50); // throttled
    expect(awareness.getLocalState()).toMatchObject({
      cursor: null,
      cardId: null,
      editing: false,
      viewport: { width: 800 },
    });

    store.setDiscreet(false);
    expect(awareness.getLocalState()).toMatchObject({
      cursor: { x: 10, y: 20 },
      cardId: 'card-2',
      editing: true,
    });
  });

  it('coalesces remote changes into one notification per frame and reads states defensively', () => {
    const { awareness, store, runFrames } = setup();
    const notified = vi.fn();
    store.peers.subscribe(notified);
    remote(awareness, 7, { user: { name: 'Bo', color: '#2563eb' }, cursor: { x: 5, y: 6 } });
    remote(awareness, 8, { user: { name: 'Cy' }, cursor: 'nonsense', cardId: 42 });
    remote(awareness, 9, { notAUser: true });
    expect(notified).not.toHaveBeenCalled();
    runFrames();
    expect(notified).toHaveBeenCalledOnce();
    const peers = store.peers.getSnapshot();
    expect(peers.map((peer) => peer.name)).toEqual(['Bo', 'Cy']);
    expect(peers[0]).toMatchObject({ cursor: { x: 5, y: 6 }, color: '#2563eb' });
    expect(peers[1]).toMatchObject({ cursor: null, cardId: null });
  });

  it('stops following someone who leaves', () => {
    const { awareness, store, runFrames } = setup();
    remote(awareness, 7, { user: { name: 'Bo' } });
    runFrames();
    store.follow(7);
    expect(store.following.getSnapshot()).toBe(7);
    (awareness.getStates() as Map<number, unknown>).delete(7);
    awareness.emit('change', [{ added: [], updated: [], removed: [7] }, 'remote']);
    runFrames();
    expect(store.following.getSnapshot()).toBeNull();
  });
});
