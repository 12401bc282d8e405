/**
 * Reconnect jitter for y-websocket.
 *
 * The stock provider (v3) waits 100 ms × 2^attempts, capped at
 * `maxBackoffTime`, before it reconnects — the same delay for every client.
 * When a server restarts, every browser comes back in the same millisecond
 * and the fresh process has to load the board and answer all of them at once.
 *
 * The provider takes a `WebSocketPolyfill`; this one opens the real socket
 * after an extra random delay ("full jitter": uniform in [0, the provider's
 * own delay for this attempt]), so reconnects spread over the backoff window.
 * The first connection of a session (attempt 0) opens at once: a page load
 * should not wait. The facade exposes exactly what the provider uses:
 * `binaryType`, the four `on…` handlers, `send`, `close`, `readyState`.
 */

export interface JitterOptions {
  /** Reconnect attempts so far: the provider's `wsUnsuccessfulReconnects`. */
  readonly attempts: () => number;
  /** The provider's `maxBackoffTime`. */
  readonly maxBackoffMs: number;
  readonly WebSocketImpl?: typeof WebSocket;
  readonly random?: () => number;
}

/** The extra delay before reconnect attempt `attempts` (0 for the first connection). */
export function jitterDelay(attempts: number, maxBackoffMs: number, random: () => number): number {
  if (attempts <= 0) return 0;
  return Math.floor(random() * Math.min(100 * 2 ** attempts, maxBackoffMs));
}

export function jitteredWebSocket(options: JitterOptions): typeof WebSocket {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const random = options.random ?? Math.random;

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

    constructor(url: string | URL, protocols?: string | string[]) {
      const delay = jitterDelay(options.attempts(), options.maxBackoffMs, random);
      if (delay === 0) this.open(url, protocols);
      else this.timer = setTimeout(() => this.open(url, protocols), delay);
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
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (this.socket) this.socket.close(code, reason);
      else this.closedBeforeOpen = true;
    }

    private open(url: string | URL, protocols?: string | string[]): void {
      this.timer = null;
      if (this.closedBeforeOpen) return;
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
  return JitteredWebSocket as unknown as typeof WebSocket;
}
