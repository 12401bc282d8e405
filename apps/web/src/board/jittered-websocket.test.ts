import { afterEach, describe, expect, it, vi } from 'vitest';
import { jitteredWebSocket, reconnectDelay } from './jittered-websocket.ts';

/** Records what the wrapper does with the real socket. */
class FakeSocket {
  static created: FakeSocket[] = [];
  binaryType = 'blob';
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.created.push(this);
  }
  send(data: unknown) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
}

afterEach(() => {
  FakeSocket.created = [];
  vi.useRealTimers();
});

describe('reconnect jitter', () => {
  it('backs off exponentially, spreads attempts over the window, and never delays the first connection', () => {
    expect(reconnectDelay(0, 5_000, () => 0.99)).toBe(0);
    expect(reconnectDelay(1, 5_000, () => 0)).toBe(200);
    expect(reconnectDelay(1, 5_000, () => 0.5)).toBe(300);
    expect(reconnectDelay(3, 5_000, () => 0.5)).toBe(1_200);
    expect(reconnectDelay(10, 5_000, () => 0.999)).toBe(9_995);
    // A thousand clients after a restart: not all in the same 10 ms.
    const delays = Array.from({ length: 1_000 }, () => reconnectDelay(4, 5_000, Math.random));
    const buckets = new Set(delays.map((delay) => Math.floor(delay / 10)));
    expect(buckets.size).toBeGreaterThan(100);
  });

  it('opens the real socket after the delay and forwards events, sends and the binary type', () => {
    vi.useFakeTimers();
    const factory = jitteredWebSocket({
      attempts: () => 2,
      maxBackoffMs: 5_000,
      random: () => 0.5,
      now: () => 1_000,
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    });
    const scheduled = vi.fn();
    factory.onScheduled(scheduled);
    const socket = new factory.WebSocket('ws://host/sync/map');
    // 400 ms (100 × 2²) plus half of it again.
    expect(scheduled).toHaveBeenCalledWith(1_600);
    socket.binaryType = 'arraybuffer';
    const opened = vi.fn();
    socket.onopen = opened;
    expect(FakeSocket.created).toHaveLength(0);
    expect(socket.readyState).toBe(0);

    vi.advanceTimersByTime(599);
    expect(FakeSocket.created).toHaveLength(0);
    vi.advanceTimersByTime(1);
    const real = FakeSocket.created[0]!;
    expect(real.url).toBe('ws://host/sync/map');
    expect(real.binaryType).toBe('arraybuffer');
    real.readyState = 1;
    real.onopen?.(new Event('open'));
    expect(opened).toHaveBeenCalledOnce();
    socket.send('hello');
    expect(real.sent).toEqual(['hello']);
  });

  it('never opens a socket that was closed while waiting', () => {
    vi.useFakeTimers();
    const factory = jitteredWebSocket({
      attempts: () => 5,
      maxBackoffMs: 5_000,
      random: () => 0.9,
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    });
    const socket = new factory.WebSocket('ws://host/sync/map');
    const closed = vi.fn();
    socket.onclose = closed;
    socket.close();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.created).toHaveLength(0);
    expect(socket.readyState).toBe(3);
    // Its owner hears the close, as from a real socket closed while connecting.
    expect(closed).toHaveBeenCalledOnce();
    factory.retryNow();
    expect(FakeSocket.created).toHaveLength(0);
  });

  it('opens a waiting socket at once when asked (the network came back)', () => {
    vi.useFakeTimers();
    const factory = jitteredWebSocket({
      attempts: () => 6,
      maxBackoffMs: 5_000,
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    });
    new factory.WebSocket('ws://host/sync/map');
    expect(FakeSocket.created).toHaveLength(0);
    factory.retryNow();
    expect(FakeSocket.created).toHaveLength(1);
    vi.advanceTimersByTime(20_000);
    expect(FakeSocket.created).toHaveLength(1);
  });
});
