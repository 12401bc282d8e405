/**
 * The server's open connections, with their ping/pong liveness check spread
 * over the ping interval. Checking every socket at once — one `ping` write
 * each — held the event loop for the whole sweep: on this project's VMs a
 * socket write costs 50–100 µs, so 1,000 sockets stopped every map on the
 * instance for 50–100 ms every interval, and their 1,000 pongs came back
 * together. Instead the connections sit in SLICES slices, filled in turn;
 * one slice is checked per tick, so each connection is still checked exactly
 * once per interval (a healthy client always has a whole interval to answer),
 * and a tick checks 1/SLICES of them. Half an interval after its check a
 * connection is also sent a keep-alive, so its client hears from the server
 * at least twice per interval (config caps the interval at 30 s: clients
 * hang up after 30 s of silence).
 */
export interface Checked {
  /** Pings, or ends a peer that didn't answer the previous ping (connection.ts); and keeps alive. */
  checkAlive(): void;
  /** Sends the client a message it applies as nothing (protocol.ts `KEEP_ALIVE_MESSAGE`). */
  keepAlive(): void;
}

const SLICES = 20;

export class OpenConnections<T extends Checked> implements Iterable<T> {
  private readonly slices: Set<T>[] = Array.from({ length: SLICES }, () => new Set<T>());
  /** The slice the next connection joins. */
  private filling = 0;
  /** The slice the next tick checks. */
  private checking = 0;
  private count = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(pingIntervalMs: number) {
    this.timer = setInterval(() => this.tick(), pingIntervalMs / SLICES).unref();
  }

  get size(): number {
    return this.count;
  }

  add(connection: T): void {
    this.slices[this.filling]!.add(connection);
    this.filling = (this.filling + 1) % SLICES;
    this.count += 1;
  }

  delete(connection: T): void {
    for (const slice of this.slices) {
      if (slice.delete(connection)) {
        this.count -= 1;
        return;
      }
    }
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const slice of this.slices) yield* slice;
  }

  /** No more liveness checks (shutdown closes every connection itself). */
  stopChecking(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    // A copy: a check can end a connection, which leaves its slice.
    for (const connection of [...this.slices[this.checking]!]) connection.checkAlive();
    for (const connection of this.slices[(this.checking + SLICES / 2) % SLICES]!) {
      connection.keepAlive();
    }
    this.checking = (this.checking + 1) % SLICES;
  }
}
