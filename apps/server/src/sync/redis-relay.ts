/**
 * Scale-out over Redis (only with REDIS_URL): several server instances serve
 * the same map. Design and failure modes: docs/architecture.md, "Several
 * server instances". In short:
 *
 *   updates   one Redis Stream per map is the write-ahead log AND the fan-out.
 *             An instance XADDs what its own clients send (instead of writing
 *             Postgres itself); every instance with the map loaded XREADs the
 *             stream and applies the other instances' entries; a consumer
 *             group hands each entry to exactly one instance for Postgres
 *             (redis-persister.ts), which XACKs + XDELs it once written.
 *   presence  pub/sub per map: awareness is ephemeral, a lost message is
 *             repaired by the client's 15 s renewal.
 *   outage    an XADD that fails is written straight to Postgres (nothing is
 *             lost); after Redis comes back every instance XADDs the full
 *             state of each loaded map once, so peers catch up on whatever
 *             they missed (and a Redis restart that lost the stream loses
 *             nothing that an instance still holds).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { SyncLogger } from './logger.ts';
import type { BoardPersistence } from './persistence.ts';
import { readEntry, RedisPersister } from './redis-persister.ts';

/** What the relay needs from a loaded document (implemented by LiveDocument). */
export interface RelayTarget {
  /** An update another instance received: apply, relay to local clients, don't store. */
  applyRemoteUpdate(update: Uint8Array): void;
  /** An awareness update from another instance: apply, relay to local clients. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** The awareness states this instance's own connections own (null: none). */
  localAwareness(): Uint8Array | null;
  /** The whole document, as one update. */
  fullState(): Uint8Array;
  /** Fallback when Redis can't take an update: straight to the local update writer. */
  storeDirectly(update: Uint8Array): void;
  /** A write failed because the map was deleted. */
  mapGone(): void;
}

/** The relay bound to one map, as a LiveDocument sees it. */
export interface DocumentRelay {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
}

export interface RedisRelayOptions {
  readonly url: string;
  readonly keyPrefix: string;
  readonly persistence: BoardPersistence;
  readonly flushIntervalMs: number;
  readonly compactAfterUpdates: number;
  readonly compactMinIntervalMs: number;
  readonly log: SyncLogger;
}

const AwarenessKind = { update: 0, query: 1 } as const;
/** XREAD blocks this long, so a newly loaded map joins the read loop at most this late. */
const READ_BLOCK_MS = 100;
const RETRY_MS = 500;

export class RedisRelay {
  readonly instanceId = randomUUID();
  private readonly options: RedisRelayOptions;
  /** Commands (XADD, PUBLISH, XACK…). Fails fast while Redis is away: no offline queue. */
  readonly commands: Redis;
  /** The blocking XREAD loop. */
  private readonly reader: Redis;
  private readonly subscriber: Redis;
  readonly persister: RedisPersister;
  /** mapId → target and the id of the last stream entry applied. */
  private readonly maps = new Map<string, { target: RelayTarget; lastId: string }>();
  private running = true;
  private readLoop: Promise<void> = Promise.resolve();
  private wasDisconnected = false;

  constructor(options: RedisRelayOptions) {
    this.options = options;
    const redisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true };
    this.commands = new Redis(options.url, { ...redisOptions, commandTimeout: 2_000 });
    this.reader = new Redis(options.url, redisOptions);
    this.subscriber = new Redis(options.url, { lazyConnect: true });
    for (const connection of [this.commands, this.reader, this.subscriber]) {
      // ioredis reconnects by itself; errors are logged, never thrown at us.
      connection.on('error', (error: Error) => options.log.warn({ err: error }, 'redis error'));
    }
    this.commands.on('close', () => {
      this.wasDisconnected = true;
    });
    this.commands.on('ready', () => {
      if (this.wasDisconnected) this.resyncAll();
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      this.onAwarenessMessage(channel.toString(), message);
    });
    this.persister = new RedisPersister({
      redis: this.commands,
      consumer: this.instanceId,
      persistence: options.persistence,
      flushIntervalMs: options.flushIntervalMs,
      compactAfterUpdates: options.compactAfterUpdates,
      compactMinIntervalMs: options.compactMinIntervalMs,
      streamKey: (mapId) => this.streamKey(mapId),
      log: options.log,
      onMapGone: (mapId) => this.maps.get(mapId)?.target.mapGone(),
    });
  }

  /** Connects (waits at most `timeoutMs`; without Redis the server still works, writing directly). */
  async start(timeoutMs = 5_000): Promise<void> {
    const connected = Promise.all([
      this.commands.connect(),
      this.reader.connect(),
      this.subscriber.connect(),
    ]);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([connected.then(() => undefined), timeout]).catch((error: unknown) => {
      this.options.log.error({ err: error }, 'redis unreachable at start; writing directly');
    });
    this.readLoop = this.runReadLoop();
    this.persister.start();
  }

  /**
   * A map was loaded from Postgres: catch up on the stream (entries not yet
   * in Postgres), then follow it and its presence channel.
   */
  async join(mapId: string, target: RelayTarget): Promise<DocumentRelay> {
    const key = this.streamKey(mapId);
    let lastId = '0-0';
    try {
      await this.persister.ensureGroup(mapId);
      for (const [id, fields] of await this.commands.xrangeBuffer(key, '-', '+')) {
        const entry = readEntry(fields);
        if (entry) target.applyRemoteUpdate(entry.update);
        lastId = id.toString();
      }
      await this.subscriber.subscribe(this.awarenessChannel(mapId));
      // Ask the others for their presence: they only send changes otherwise.
      this.publish(mapId, AwarenessKind.query, new Uint8Array());
    } catch (error) {
      this.options.log.warn({ err: error, mapId }, 'redis catch-up failed; resyncing later');
      this.wasDisconnected = true;
    }
    this.maps.set(mapId, { target, lastId });
    this.persister.add(mapId);
    return {
      publishUpdate: (update) => this.publishUpdate(mapId, target, update),
      publishAwareness: (update) => this.publish(mapId, AwarenessKind.update, update),
    };
  }

  /** The map is unloading here: persist what is in its stream, then stop following it. */
  async leave(mapId: string, { drain = true } = {}): Promise<void> {
    this.maps.delete(mapId);
    await this.subscriber.unsubscribe(this.awarenessChannel(mapId)).catch(() => undefined);
    await this.persister.remove(mapId, { drain });
  }

  /** Shutdown: persist what we can, then disconnect. */
  async close(): Promise<void> {
    this.running = false;
    await this.persister.stop();
    await this.readLoop;
    for (const connection of [this.commands, this.reader, this.subscriber]) {
      connection.disconnect();
    }
  }

  private publishUpdate(mapId: string, target: RelayTarget, update: Uint8Array): void {
    this.commands
      .xadd(this.streamKey(mapId), '*', 'u', Buffer.from(update), 'o', this.instanceId)
      .catch((error: unknown) => {
        // Not lost: Postgres directly. Peers get it with the full-state resync.
        this.options.log.warn({ err: error, mapId }, 'XADD failed; writing the update directly');
        this.wasDisconnected = true;
        target.storeDirectly(update);
      });
  }

  private publish(mapId: string, kind: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, payload);
    this.commands
      .publish(this.awarenessChannel(mapId), Buffer.from(encoding.toUint8Array(encoder)))
      .catch(() => undefined); // presence is ephemeral; clients renew it every 15 s
  }

  private onAwarenessMessage(channel: string, message: Buffer): void {
    const mapId = channel.slice(this.options.keyPrefix.length + 5, -'/awareness'.length);
    const map = this.maps.get(mapId);
    if (!map) return;
    try {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarString(decoder) === this.instanceId) return;
      const kind = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (kind === AwarenessKind.update) map.target.applyRemoteAwareness(payload);
      else {
        const states = map.target.localAwareness();
        if (states) this.publish(mapId, AwarenessKind.update, states);
      }
    } catch (error) {
      this.options.log.warn({ err: error, mapId }, 'dropping a bad awareness relay message');
    }
  }

  /** Follows every loaded map's stream; applies other instances' entries. */
  private async runReadLoop(): Promise<void> {
    while (this.running) {
      const maps = [...this.maps.entries()];
      if (maps.length === 0) {
        await sleep(READ_BLOCK_MS);
        continue;
      }
      try {
        const keys = maps.map(([mapId]) => this.streamKey(mapId));
        const ids = maps.map(([, map]) => map.lastId);
        const result = (await this.reader.callBuffer(
          'XREAD',
          'COUNT',
          1_000,
          'BLOCK',
          READ_BLOCK_MS,
          'STREAMS',
          ...keys,
          ...ids,
        )) as [Buffer, [Buffer, Buffer[]][]][] | null;
        for (const [keyBuffer, entries] of result ?? []) {
          const mapId = keyBuffer.toString().slice(this.options.keyPrefix.length + 5, -8);
          const map = this.maps.get(mapId);
          if (!map) continue;
          for (const [id, fields] of entries) {
            map.lastId = id.toString();
            const entry = readEntry(fields);
            if (entry && entry.origin !== this.instanceId)
              map.target.applyRemoteUpdate(entry.update);
          }
        }
      } catch (error) {
        if (!this.running) return;
        this.options.log.warn({ err: error }, 'reading redis streams failed; retrying');
        await sleep(RETRY_MS);
      }
    }
  }

  /**
   * Redis was away (or restarted, losing streams): put every loaded map's
   * full state into its stream once. Peers apply it (idempotent) and so
   * catch up; it is persisted once like any entry.
   */
  private resyncAll(): void {
    this.wasDisconnected = false;
    for (const [mapId, map] of this.maps) {
      void this.persister
        .ensureGroup(mapId)
        .then(() => this.publishUpdate(mapId, map.target, map.target.fullState()))
        .catch((error: unknown) => {
          this.options.log.warn({ err: error, mapId }, 'redis resync failed');
          this.wasDisconnected = true;
        });
    }
    this.options.log.info({ maps: this.maps.size }, 'redis is back; resynced loaded maps');
  }

  private streamKey(mapId: string): string {
    return `${this.options.keyPrefix}:map:${mapId}/updates`;
  }

  private awarenessChannel(mapId: string): string {
    return `${this.options.keyPrefix}:map:${mapId}/awareness`;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
