import type { TCommentEvent } from '@journeyboard/shared';

type Listener = (event: TCommentEvent) => void;

/**
 * Fans comment changes out to everyone watching a map's event stream, in this
 * process. Comments live in Postgres, not in the board's Yjs document, so
 * they have their own channel instead of riding on the sync socket.
 * Several instances (REDIS_URL) would need this on Redis pub/sub; see
 * docs/architecture.md.
 */
export class CommentEventHub {
  readonly #listeners = new Map<string, Set<Listener>>();

  subscribe(mapId: string, listener: Listener): () => void {
    const set = this.#listeners.get(mapId) ?? new Set<Listener>();
    set.add(listener);
    this.#listeners.set(mapId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(mapId);
    };
  }

  publish(mapId: string, event: TCommentEvent): void {
    for (const listener of this.#listeners.get(mapId) ?? []) listener(event);
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.#listeners.values()) count += set.size;
    return count;
  }
}
