import type { TCommentEvent } from '@journeyboard/shared';

export type CommentEventListener = (event: TCommentEvent) => void;

/** One watcher of a map's comment events. */
export interface CommentSubscription {
  /**
   * Resolves (never rejects) once events published on any instance reach
   * this watcher — send `ready` only then, or a comment written in between
   * would be neither in the client's reload nor in the stream.
   */
  readonly ready: Promise<void>;
  /** Stops delivery; safe to call more than once. */
  close(): void;
}

/**
 * Fans comment changes out to everyone watching a map's event stream.
 * Comments live in Postgres, not in the board's Yjs document, so they have
 * their own channel instead of riding on the sync socket. In-process without
 * Redis; with REDIS_URL across instances (docs/architecture.md).
 */
export interface CommentEventBus {
  /** Delivers to every watcher of the map. Never throws: the change is already saved. */
  publish(mapId: string, event: TCommentEvent): void;
  subscribe(mapId: string, listener: CommentEventListener): CommentSubscription;
  /** Watchers on this instance. */
  readonly subscriberCount: number;
  close(): Promise<void>;
}

/** The slice of a (pino) logger the bus uses; services take no Fastify types. */
export interface CommentEventLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
