import type { TMapEvent } from '@journeyboard/shared';
import type {
  MapEventAudience,
  MapEventBus,
  MapEventListener,
  MapEventSubscription,
} from './map-event-bus.ts';
import { LocalListeners } from './local-listeners.ts';

/** One server process (no REDIS_URL): every watcher is here. */
export class InMemoryMapEventBus implements MapEventBus {
  readonly #listeners = new LocalListeners();

  publish(mapId: string, event: TMapEvent, audience: MapEventAudience): void {
    this.#listeners.deliver(mapId, event, audience);
  }

  subscribe(mapId: string, listener: MapEventListener): MapEventSubscription {
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
