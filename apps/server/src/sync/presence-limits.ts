/**
 * Limits on presence (awareness), so one participant — an anonymous share
 * link holder included — can't flood everyone else on a map:
 *
 * - a state's size: our web app sends about 300 bytes (`user`, `cursor`,
 *   `cardId`, `editing`, `viewport`; packages/shared/src/presence.ts) and at
 *   most ~700 with an 80-character name in a wide script; 4 KiB leaves room
 *   for other clients' fields. It also bounds what a new joiner receives at
 *   once: every state on the map, so at most connections × this.
 * - updates per connection: a token bucket over the updates that change the
 *   connection's own state (echoes of states the server already has are
 *   free). The web app sends at most 20 a second (cursor and viewport are
 *   throttled to one per 50 ms); the default 40 a second with a burst of 80
 *   never touches it, a flood of 2 MB states at 10 a second never gets that far.
 * - connections per read-only share link (per server instance): a link is a
 *   bearer token anyone may hold, so it is the one door with no account behind it.
 *
 * Each refusal closes the connection with its own code and reason
 * (`CloseCode` in packages/shared/src/close-codes.ts), is logged, and is counted (`SyncServer.refusals`).
 */
import { CloseCode, CloseReason } from '@journeyboard/shared';

export interface PresenceLimits {
  /** Largest awareness state (its JSON, in bytes) a connection may publish. */
  readonly maxStateBytes: number;
  /** Sustained rate of own-state updates per connection… */
  readonly updatesPerSecond: number;
  /** …with bursts up to this many. */
  readonly updateBurst: number;
  /** Concurrent sync connections opened with one read-only share link (per instance). */
  readonly maxConnectionsPerShareLink: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxStateBytes: 4 * 1024,
  updatesPerSecond: 40,
  updateBurst: 80,
  maxConnectionsPerShareLink: 100,
};

/** What was refused; the key of `SyncServer.refusals` and of the log line. */
/** Refusals that close the connection. */
export type ClosingRefusalKind = 'presence-too-large' | 'presence-too-fast' | 'share-link-full';
/**
 * Everything counted: the closing kinds; `locked-item` — an update that
 * touched something a facilitator locked, undone without closing
 * (lock-guard.ts); and `over-bounds` — an update whose text was cut to the
 * board's bounds (board/bounds.ts in packages/shared), also without closing;
 * `read-only-write` — changes from a connection without `board.edit` that the
 * server dropped and told it about (refused-writes.ts).
 */
export type SyncRefusalKind =
  ClosingRefusalKind | 'locked-item' | 'over-bounds' | 'read-only-write';

export const REFUSAL_CLOSE: Record<ClosingRefusalKind, { code: number; reason: string }> = {
  'presence-too-large': {
    code: CloseCode.presenceTooLarge,
    reason: CloseReason.presenceTooLarge,
  },
  'presence-too-fast': { code: CloseCode.presenceTooFast, reason: CloseReason.presenceTooFast },
  'share-link-full': { code: CloseCode.shareLinkFull, reason: CloseReason.shareLinkFull },
};

/** Thrown while handling a frame that breaks a limit; the document closes the sender. */
export class SyncRefusal extends Error {
  constructor(readonly kind: ClosingRefusalKind) {
    super(REFUSAL_CLOSE[kind].reason);
    this.name = 'SyncRefusal';
  }
}

/** Counts refusals by kind and tells listeners (metrics) about each one. */
export class RefusalCounter {
  private readonly counts: Record<SyncRefusalKind, number> = {
    'presence-too-large': 0,
    'presence-too-fast': 0,
    'share-link-full': 0,
    'locked-item': 0,
    'over-bounds': 0,
    'read-only-write': 0,
  };
  private readonly listeners = new Set<(kind: SyncRefusalKind) => void>();

  record(kind: SyncRefusalKind): void {
    this.counts[kind] += 1;
    for (const listener of this.listeners) listener(kind);
  }

  snapshot(): Readonly<Record<SyncRefusalKind, number>> {
    return { ...this.counts };
  }

  /** Returns a function that stops listening. */
  onRefusal(listener: (kind: SyncRefusalKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * A token bucket — `capacity` tokens, refilled at `perSecond`, starting full (a connect burst
 * is fine) — kept as one number per caller instead of an object: the generic cell rate
 * algorithm's "when the caller's next update is due". Every idle socket has one (y-protocols
 * renews each client's state every 15 s), so ten thousand sockets keep a number each.
 */
export class RateLimit {
  /** Milliseconds one token takes to refill. */
  private readonly interval: number;
  /** How far ahead of its due time a caller may run: a full bucket less the token it takes. */
  private readonly tolerance: number;

  constructor(perSecond: number, capacity: number) {
    this.interval = 1000 / perSecond;
    this.tolerance = (capacity - 1) * this.interval;
  }

  /**
   * Takes one token from a caller whose state is `due` (undefined: a full bucket). Returns the
   * caller's new state, or null when it has none left (its state stays as it was).
   */
  take(due: number | undefined, now: number = performance.now()): number | null {
    const next = Math.max(due ?? now, now);
    return next - now > this.tolerance ? null : next + this.interval;
  }
}
