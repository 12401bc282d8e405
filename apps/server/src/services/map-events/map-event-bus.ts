import type { MapAction, TMapEvent } from '@journeyboard/shared';

/**
 * Who may receive an event. The bus carries it to every watcher of the map
 * (on every instance); each stream writes it only to a caller who holds
 * `action` on the map and, with `participant`, is that participant (their
 * own votes, say) — see `mayReceive` in policy/policy.ts.
 */
export interface MapEventAudience {
  readonly action: MapAction;
  /** Only this participant's streams (`participantOf` in policy/actor.ts). */
  readonly participant?: string;
}

/** Everyone who can see the map: share links and presentation screens included. */
export const EVERYONE_ON_THE_MAP: MapEventAudience = { action: 'map.read' };
/** Callers who read the map's comments. */
export const COMMENT_READERS: MapEventAudience = { action: 'comment.read' };
/** Callers who may see the map's history (versions, restores). */
export const HISTORY_READERS: MapEventAudience = { action: 'version.read' };

export type MapEventListener = (event: TMapEvent, audience: MapEventAudience) => void;

/** One watcher of a map's events. */
export interface MapEventSubscription {
  /**
   * Resolves (never rejects) once events published on any instance reach
   * this watcher — send `ready` only then, or a change made in between
   * would be neither in the client's reload nor in the stream.
   */
  readonly ready: Promise<void>;
  /** Stops delivery; safe to call more than once. */
  close(): void;
}

/**
 * Fans a map's server-authoritative changes (comments, the timer, votes…)
 * out to everyone watching its event stream. They live in Postgres, not in
 * the board's Yjs document, so they have their own channel instead of riding
 * on the sync socket. In-process without Redis; with REDIS_URL across
 * instances (docs/architecture.md).
 */
export interface MapEventBus {
  /** Delivers to every watcher of the map. Never throws: the change is already saved. */
  publish(mapId: string, event: TMapEvent, audience: MapEventAudience): void;
  subscribe(mapId: string, listener: MapEventListener): MapEventSubscription;
  /** Watchers on this instance. */
  readonly subscriberCount: number;
  close(): Promise<void>;
}

/** The slice of a (pino) logger the bus uses; services take no Fastify types. */
export interface MapEventLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
