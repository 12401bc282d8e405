import type { TMapEvent } from '@journeyboard/shared';
import type { MapEventAudience, MapEventListener } from './map-event-bus.ts';

/** This instance's watchers, per map: what every bus delivers to in the end. */
export class LocalListeners {
  readonly #byMap = new Map<string, Set<MapEventListener>>();

  /** Adds a watcher; true when it is the map's first. */
  add(mapId: string, listener: MapEventListener): boolean {
    const set = this.#byMap.get(mapId);
    if (set) {
      set.add(listener);
      return false;
    }
    this.#byMap.set(mapId, new Set([listener]));
    return true;
  }

  /** Removes a watcher; true when it was the map's last. */
  remove(mapId: string, listener: MapEventListener): boolean {
    const set = this.#byMap.get(mapId);
    if (!set?.delete(listener) || set.size > 0) return false;
    this.#byMap.delete(mapId);
    return true;
  }

  deliver(mapId: string, event: TMapEvent, audience: MapEventAudience): void {
    for (const listener of this.#byMap.get(mapId) ?? []) listener(event, audience);
  }

  /** Maps with at least one watcher. */
  mapIds(): string[] {
    return [...this.#byMap.keys()];
  }

  get count(): number {
    let count = 0;
    for (const set of this.#byMap.values()) count += set.size;
    return count;
  }
}
