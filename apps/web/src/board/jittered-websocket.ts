/**
 * Reconnect timing for y-websocket: backoff with jitter, owned in one place.
 *
 * The stock provider (v3) waits 100 ms × 2^attempts, capped at
 * `maxBackoffTime`, before it reconnects — the same delay for every client.
 * When a server restarts, every browser comes back in the same millisecond
 * and the fresh process has to load the board and answer all of them at once.
 *
 * The session gives the provider `maxBackoffTime: 0` and this
 * `WebSocketPolyfill` instead, which opens the real socket after the whole
 * delay itself: the provider's backoff plus a uniform random share of it
 * ("full jitter" on top of the exponential step), so reconnects spread over
 * the window — and, because one place knows exactly when the next attempt
 * opens, the connection indicator can say so (`onScheduled`), and a returning
 * network can cut the wait short (`retryNow`). The first connection of a
 * session (attempt 0) opens at once: a page load should not wait. The facade
 * exposes exactly what the provider uses: `binaryType`, the four `on…`
 * handlers, `send`, `close`, `readyState`.
 */

export interface JitterOptions {
  /** Reconnect attempts so far: the provider's `wsUnsuccessfulReconnects`. */
  readonly attempts: () => number;
  /** The cap of the exponential step (the whole delay is at most twice this). */
  readonly maxBackoffMs: number;
  readonly WebSocketImpl?: typeof WebSocket;
  readonly random?: () => number;
  readonly now?: () => number;
}

/** The delay before reconnect attempt `attempts` (0 for the first connection). */
export function reconnectDelay(
  attempts: number,
  maxBackoffMs: number,
  random: () => number,
): number {
  if (attempts <= 0) return 0;
  const step = Math.min(100 * 2 ** attempts, maxBackoffMs);
  return step + Math.floor(random() * step);
}

/** The polyfill plus its schedule (see ReconnectSchedule in connection.ts). */
export interface JitteredWebSocketFactory {
  readonly WebSocket: typeof WebSocket;
  readonly onScheduled: (listener: (opensAt: number) => void) => () => void;
  readonly retryNow: () => void;
}

export function jitteredWebSocket(options: JitterOptions): JitteredWebSocketFactory {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const listeners = new Set<(opensAt: number) => void>();
  /** The socket waiting out its delay, if any (the provider has at most one). */
  let waiting: { openNow: () => void } | null = null;

  class JitteredWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;

    private type: BinaryType = 'blob';
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;

    private socket: WebSocket | null = null;
    private timer: ReturnType<typeof setTimeout> | null = null;
    private closedBeforeOpen = false;
    private pending: { openNow: () => void } | null = null;

    constructor(url: string | URL, protocols?: string | string[]) {
      const delay = reconnectDelay(options.attempts(), options.maxBackoffMs, random);
      if (delay === 0) {
        this.open(url, protocols);
        return;
      }
      this.timer = setTimeout(() => this.open(url, protocols), delay);
      waiting = this.pending = { openNow: () => this.open(url, protocols) };
      for (const listener of [...listeners]) listener(now() + delay);
    }

    // Set by the provider right after construction, maybe after the socket opened.
    get binaryType(): BinaryType {
      return this.type;
    }

    set binaryType(type: BinaryType) {
      this.type = type;
      if (this.socket) this.socket.binaryType = type;
    }

    get readyState(): number {
      if (this.socket) return this.socket.readyState;
      return this.closedBeforeOpen ? this.CLOSED : this.CONNECTING;
    }

    send(data: Parameters<WebSocket['send']>[0]): void {
      this.socket?.send(data);
    }

    close(code?: number, reason?: string): void {
      this.stopWaiting();
      if (this.socket) {
        this.socket.close(code, reason);
        return;
      }
      if (this.closedBeforeOpen) return;
      this.closedBeforeOpen = true;
      // Like a real socket closed while connecting: its owner hears about it (y-websocket
      // detaches its handlers first when it closes on purpose, so this reaches only the
      // other cases, which would otherwise wait forever for a socket that never comes).
      const closed = { code: 1006, reason: 'closed before opening', wasClean: false };
      setTimeout(() => this.onclose?.(closed as CloseEvent), 0);
    }

    private stopWaiting(): void {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (waiting === this.pending) waiting = null;
      this.pending = null;
    }

    private open(url: string | URL, protocols?: string | string[]): void {
      this.stopWaiting();
      if (this.closedBeforeOpen || this.socket) return;
      const socket = new Impl(url, protocols);
      socket.binaryType = this.type;
      // Handlers are read at event time, so the provider may swap them freely.
      socket.onopen = (event) => this.onopen?.(event);
      socket.onmessage = (event) => this.onmessage?.(event);
      socket.onerror = (event) => this.onerror?.(event);
      socket.onclose = (event) => this.onclose?.(event);
      this.socket = socket;
    }
  }
  return {
    WebSocket: JitteredWebSocket as unknown as typeof WebSocket,
    onScheduled: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retryNow: () => waiting?.openNow(),
  };
}
