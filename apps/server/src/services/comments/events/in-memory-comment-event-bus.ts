import type { TCommentEvent } from '@journeyboard/shared';
import type {
  CommentEventBus,
  CommentEventListener,
  CommentSubscription,
} from './comment-event-bus.ts';
import { LocalListeners } from './local-listeners.ts';

/** One server process (no REDIS_URL): every watcher is here. */
export class InMemoryCommentEventBus implements CommentEventBus {
  readonly #listeners = new LocalListeners();

  publish(mapId: string, event: TCommentEvent): void {
    this.#listeners.deliver(mapId, event);
  }

  subscribe(mapId: string, listener: CommentEventListener): CommentSubscription {
    this.#listeners.add(mapId, listener);
    return {
      ready: Promise.resolve(),
      close: () => {
        this.#listeners.remove(mapId, listener);
      },
    };
  }

  get subscriberCount(): number {
    return this.#listeners.count;
  }

  async close(): Promise<void> {}
}
