import { randomUUID } from 'node:crypto';
import type { TMapEvent } from '@journeyboard/shared';
import { Redis } from 'ioredis';
import {
  EVERYONE_ON_THE_MAP,
  type MapEventAudience,
  type MapEventBus,
  type MapEventListener,
  type MapEventLogger,
  type MapEventSubscription,
} from './map-event-bus.ts';
import {
  encodeMapEventMessage,
  mapEventChannel,
  mapIdFromChannel,
  parseMapEventMessage,
} from './map-event-message.ts';
import { LocalListeners } from './local-listeners.ts';

export interface RedisMapEventBusOptions {
  readonly url: string;
  readonly keyPrefix: string;
  readonly log: MapEventLogger;
}

/** How long a new watcher waits for its map's SUBSCRIBE before it is sent `ready` anyway. */
const SUBSCRIBE_TIMEOUT_MS = 2_000;
const READY: TMapEvent = { type: 'ready' };

/**
 * Map events across instances (REDIS_URL): pub/sub, one channel per map
 * (`<prefix>:map:<id>/events`), subscribed only while this instance has
 * watchers of the map. What they announce is in Postgres and every event
 * carries the whole new state of its thing, so pub/sub's at-most-once
 * delivery is enough as long as a watcher that may have missed something is
 * told to reload:
 *
 *   publish     delivered to local watchers at once (so Redis being down
 *               never stops them), then PUBLISHed; our own echo is dropped.
 *   sub lost    when the subscriber connection is back, every local watcher
 *               gets `ready` again, and the client reloads what it shows.
 *   pub failed  the map is remembered; once a PUBLISH works again we publish
 *               `ready` on its channel so the other instances' watchers reload.
 */
export class RedisMapEventBus implements MapEventBus {
  readonly #options: RedisMapEventBusOptions;
  readonly #instanceId = randomUUID();
  readonly #listeners = new LocalListeners();
  /** mapId → its SUBSCRIBE, for watchers that join while it is in flight. */
  readonly #subscribed = new Map<string, Promise<void>>();
  /** Maps whose last PUBLISH failed: other instances' watchers may lack an event. */
  readonly #missed = new Set<string>();
  readonly #publisher: Redis;
  readonly #subscriber: Redis;

  constructor(options: RedisMapEventBusOptions) {
    this.#options = options;
    const name = (role: string) => `${options.keyPrefix}:map-events:${role}:${this.#instanceId}`;
    // No offline queue: a publish while Redis is down fails fast instead of
    // piling up (the local watchers already have it; see #missed).
    this.#publisher = new Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 2_000,
      connectionName: name('publisher'),
    });
    // Keeps its queue: SUBSCRIBE/UNSUBSCRIBE issued while down run, in order, on reconnect.
    this.#subscriber = new Redis(options.url, {
      lazyConnect: true,
      connectionName: name('subscriber'),
    });
    for (const connection of [this.#publisher, this.#subscriber]) {
      // ioredis reconnects by itself; errors are logged, never thrown at us.
      connection.on('error', (error: Error) => options.log.warn({ err: error }, 'redis error'));
    }
    this.#subscriber.on('message', (channel: string, message: string) => {
      this.#receive(channel, message);
    });
    this.#subscriber.on('ready', () => this.#resubscribe());
    this.#publisher.on('ready', () => this.#republishMissed());
  }

  /** Connects (waits at most `timeoutMs`; without Redis, local watchers still get everything). */
  async start(timeoutMs = 5_000): Promise<void> {
    const connected = Promise.all([this.#publisher.connect(), this.#subscriber.connect()]);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([connected.then(() => undefined), timeout]).catch((error: unknown) => {
      this.#options.log.error({ err: error }, 'redis unreachable at start; map events stay local');
    });
  }

  publish(mapId: string, event: TMapEvent, audience: MapEventAudience): void {
    this.#listeners.deliver(mapId, event, audience);
    this.#send(mapId, event, audience);
  }

  subscribe(mapId: string, listener: MapEventListener): MapEventSubscription {
    if (this.#listeners.add(mapId, listener)) this.#subscribed.set(mapId, this.#follow(mapId));
    let closed = false;
    return {
      ready: this.#subscribed.get(mapId) ?? Promise.resolve(),
      close: () => {
        if (closed) return;
        closed = true;
        if (this.#listeners.remove(mapId, listener)) this.#unfollow(mapId);
      },
    };
  }

  get subscriberCount(): number {
    return this.#listeners.count;
  }

  async close(): Promise<void> {
    this.#publisher.disconnect();
    this.#subscriber.disconnect();
  }

  #channel(mapId: string): string {
    return mapEventChannel(this.#options.keyPrefix, mapId);
  }

  #send(mapId: string, event: TMapEvent, audience: MapEventAudience): void {
    this.#publisher
      .publish(
        this.#channel(mapId),
        encodeMapEventMessage({ origin: this.#instanceId, audience, event }),
      )
      .then(
        () => this.#republishMissed(),
        (error: unknown) => {
          // Never into the request: the change is saved, local watchers have it.
          this.#missed.add(mapId);
          this.#options.log.warn({ err: error, mapId }, 'could not publish a map event');
        },
      );
  }

  /** Other instances' watchers of these maps may lack an event: have them reload. */
  #republishMissed(): void {
    const maps = [...this.#missed];
    this.#missed.clear();
    for (const mapId of maps) this.#send(mapId, READY, EVERYONE_ON_THE_MAP);
  }

  /** Resolves once subscribed (or at once while disconnected: `#resubscribe` repairs). */
  #follow(mapId: string): Promise<void> {
    const subscribing = this.#subscriber.subscribe(this.#channel(mapId)).then(
      () => undefined,
      (error: unknown) => {
        this.#options.log.warn({ err: error, mapId }, 'could not subscribe to map events');
      },
    );
    if (this.#subscriber.status !== 'ready') return Promise.resolve();
    return Promise.race([
      subscribing,
      new Promise<void>((resolve) => setTimeout(resolve, SUBSCRIBE_TIMEOUT_MS).unref()),
    ]);
  }

  #unfollow(mapId: string): void {
    this.#subscribed.delete(mapId);
    this.#subscriber.unsubscribe(this.#channel(mapId)).catch((error: unknown) => {
      this.#options.log.warn({ err: error, mapId }, 'could not unsubscribe from map events');
    });
  }

  /**
   * The subscriber (re)connected. ioredis resubscribes only to channels Redis
   * had confirmed, so subscribe to every watched map again (a no-op for the
   * others); once that is done, events can't slip past, and `ready` makes
   * each watcher's client reload whatever was published while we were away.
   */
  #resubscribe(): void {
    const maps = this.#listeners.mapIds();
    if (maps.length === 0) return;
    this.#subscriber.subscribe(...maps.map((mapId) => this.#channel(mapId))).then(
      () => {
        for (const mapId of maps) this.#listeners.deliver(mapId, READY, EVERYONE_ON_THE_MAP);
      },
      (error: unknown) => {
        // Disconnected again: the next `ready` retries.
        this.#options.log.warn({ err: error }, 'could not resubscribe to map events');
      },
    );
  }

  #receive(channel: string, raw: string): void {
    const mapId = mapIdFromChannel(this.#options.keyPrefix, channel);
    const parsed = parseMapEventMessage(raw);
    if (mapId === null || !parsed.ok) {
      const reason = parsed.ok ? 'unknown channel' : parsed.reason;
      this.#options.log.warn({ channel, reason }, 'malformed map event from redis; dropped');
      return;
    }
    if (parsed.message.origin === this.#instanceId) return; // delivered when published
    this.#listeners.deliver(mapId, parsed.message.event, parsed.message.audience);
  }
}
