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
 *             (redis-persister.ts), which XACKs it once written.
 *   retention a persisted entry is not deleted at once (a lagging follower
 *             would never see it): the persister trims entries older than
 *             `streamRetentionMs`, only ever ones already in Postgres, and
 *             records the newest id it removed (`…/trimmed`).
 *   gaps      a follower whose position is older than that record may have
 *             missed trimmed entries: it loads the map from Postgres (where
 *             they all are) and applies it to the live doc — Yjs updates are
 *             idempotent — then goes on reading. Loading a map reads the
 *             record BEFORE Postgres, so an entry trimmed between the load
 *             and the join's XRANGE is caught the same way.
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
import * as Y from 'yjs';
import { SYSTEM_AUTHOR } from '@journeyboard/shared';
import { stamp, type StampedUpdate } from './attribution.ts';
import type { SyncLogger } from './logger.ts';
import type { BoardPersistence } from './persistence.ts';
import { encodeStamp, readEntry, RedisPersister } from './redis-persister.ts';

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
  storeDirectly(update: StampedUpdate): void;
  /** A write failed because the map was deleted. */
  mapGone(): void;
}

/** The relay bound to one map, as a LiveDocument sees it. */
export interface DocumentRelay {
  /** The author and time travel with the entry, so whichever instance stores it keeps them. */
  publishUpdate(update: StampedUpdate): void;
  publishAwareness(update: Uint8Array): void;
}

export interface RedisRelayOptions {
  readonly url: string;
  readonly keyPrefix: string;
  readonly persistence: BoardPersistence;
  readonly flushIntervalMs: number;
  readonly compactAfterUpdates: number;
  readonly compactMinIntervalMs: number;
  /** How long persisted entries stay in the stream for lagging followers. Default 60 s. */
  readonly streamRetentionMs?: number;
  readonly log: SyncLogger;
}

/** One followed map: what we applied from its stream and from Postgres. */
interface FollowedMap {
  readonly target: RelayTarget;
  /** The last stream entry applied. */
  lastId: string;
  /** Every entry trimmed up to this id is in the doc (a Postgres load covered it). */
  covered: string;
  /** A Postgres catch-up is running; `catchUpAgain`: another gap was found meanwhile. */
  catchingUp: boolean;
  catchUpAgain: boolean;
}

const AwarenessKind = { update: 0, query: 1 } as const;
/** XREAD blocks this long, so a newly loaded map joins the read loop at most this late. */
const READ_BLOCK_MS = 100;
const RETRY_MS = 500;
const DEFAULT_STREAM_RETENTION_MS = 60_000;

export class RedisRelay {
  readonly instanceId = randomUUID();
  private readonly options: RedisRelayOptions;
  /** Commands (XADD, PUBLISH, XACK…). Fails fast while Redis is away: no offline queue. */
  readonly commands: Redis;
  /** The blocking XREAD loop. */
  private readonly reader: Redis;
  private readonly subscriber: Redis;
  readonly persister: RedisPersister;
  /** mapId → the followed map. */
  private readonly maps = new Map<string, FollowedMap>();
  private running = true;
  private readLoop: Promise<void> = Promise.resolve();
  private wasDisconnected = false;
  private controlHandler: ((message: ControlMessage) => void) | undefined;

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
      const name = channel.toString();
      if (name === this.controlChannel()) this.onControlMessage(message);
      else this.onAwarenessMessage(name, message);
    });
    this.persister = new RedisPersister({
      redis: this.commands,
      consumer: this.instanceId,
      persistence: options.persistence,
      flushIntervalMs: options.flushIntervalMs,
      compactAfterUpdates: options.compactAfterUpdates,
      compactMinIntervalMs: options.compactMinIntervalMs,
      streamKey: (mapId) => this.streamKey(mapId),
      trimmedKey: (mapId) => this.trimmedKey(mapId),
      retentionMs: options.streamRetentionMs ?? DEFAULT_STREAM_RETENTION_MS,
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
    // Queued until connected; ioredis resubscribes by itself after a reconnect.
    this.subscriber.subscribe(this.controlChannel()).catch((error: unknown) => {
      this.options.log.error({ err: error }, 'could not follow access changes of other instances');
    });
    this.readLoop = this.runReadLoop();
    this.persister.start();
  }

  /**
   * Call BEFORE loading a map from Postgres and pass the result to `join`:
   * every entry trimmed up to this id was written before the load, so the
   * load has it. Never throws (null: unknown, `join` then catches up).
   */
  async trimmedId(mapId: string): Promise<string | null> {
    try {
      return (await this.commands.get(this.trimmedKey(mapId))) ?? '0-0';
    } catch {
      return null;
    }
  }

  /**
   * A map was loaded from Postgres: catch up on the stream (entries not yet
   * in Postgres), then follow it and its presence channel. `loadedAfter` is
   * `trimmedId` read before that load; without it (a document that stayed in
   * memory while not following) the map is caught up from Postgres as well.
   */
  async join(
    mapId: string,
    target: RelayTarget,
    loadedAfter: string | null = null,
  ): Promise<DocumentRelay> {
    const key = this.streamKey(mapId);
    let lastId = '0-0';
    let covered = loadedAfter ?? '0-0';
    // Until Redis has shown nothing is missing, assume something is.
    let gap = true;
    try {
      await this.persister.ensureGroup(mapId);
      for (const [id, fields] of await this.commands.xrangeBuffer(key, '-', '+')) {
        const entry = readEntry(fields);
        if (entry) target.applyRemoteUpdate(entry.update);
        lastId = id.toString();
      }
      // An entry trimmed after the load's `loadedAfter` was read, before the
      // XRANGE, may be in neither (its id is below what the XRANGE returned,
      // so `lastId` proves nothing).
      const trimmed = (await this.commands.get(this.trimmedKey(mapId))) ?? '0-0';
      gap = loadedAfter === null || compareIds(trimmed, covered) > 0;
      covered = laterId(covered, trimmed);
      await this.subscriber.subscribe(this.awarenessChannel(mapId));
      // Ask the others for their presence: they only send changes otherwise.
      this.publish(mapId, AwarenessKind.query, new Uint8Array());
    } catch (error) {
      // The read loop starts from `lastId` and finds any gap once Redis answers.
      this.options.log.warn({ err: error, mapId }, 'redis catch-up failed; resyncing later');
      this.wasDisconnected = true;
    }
    const map: FollowedMap = { target, lastId, covered, catchingUp: false, catchUpAgain: false };
    this.maps.set(mapId, map);
    // Before anyone is answered from the doc; if Postgres fails, keep trying meanwhile.
    if (gap && !(await this.catchUpOnce(mapId, map))) this.requestCatchUp(mapId, map);
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

  private publishUpdate(mapId: string, target: RelayTarget, update: StampedUpdate): void {
    this.commands
      .xadd(
        this.streamKey(mapId),
        '*',
        'u',
        Buffer.from(update.update),
        'o',
        this.instanceId,
        'a',
        encodeStamp(update),
      )
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
        const read: [string, FollowedMap, string][] = [];
        for (const [keyBuffer, entries] of result ?? []) {
          const mapId = keyBuffer.toString().slice(this.options.keyPrefix.length + 5, -8);
          const map = this.maps.get(mapId);
          if (!map) continue;
          read.push([mapId, map, map.lastId]);
          for (const [id, fields] of entries) {
            map.lastId = id.toString();
            const entry = readEntry(fields);
            if (entry && entry.origin !== this.instanceId)
              map.target.applyRemoteUpdate(entry.update);
          }
        }
        if (read.length > 0) await this.findGaps(read);
      } catch (error) {
        if (!this.running) return;
        this.options.log.warn({ err: error }, 'reading redis streams failed; retrying');
        await sleep(RETRY_MS);
      }
    }
  }

  /**
   * Entries were just read for these maps, starting after `from`. Were any
   * between `from` and them trimmed before we read? Only entries older than
   * the group's last-delivered one are trimmed and that one stays, so a
   * follower that was trimmed past always gets entries here: checking when
   * a read returns something is enough.
   */
  private async findGaps(read: [string, FollowedMap, string][]): Promise<void> {
    let trimmed: (string | null)[];
    try {
      const records = await this.commands.mget(...read.map(([mapId]) => this.trimmedKey(mapId)));
      trimmed = records.map((record) => record ?? '0-0');
    } catch (error) {
      // Can't tell (null): assume the worst; a catch-up is only a Postgres load.
      this.options.log.warn({ err: error }, 'reading redis trim records failed; catching up');
      trimmed = read.map(() => null);
    }
    read.forEach(([mapId, map, from], index) => {
      const upTo = trimmed[index] ?? null; // null: unknown
      if (upTo !== null && compareIds(upTo, laterId(from, map.covered)) <= 0) return;
      this.options.log.warn({ mapId, from, trimmed: upTo }, 'fell behind the redis stream');
      if (upTo !== null) map.covered = laterId(map.covered, upTo);
      this.requestCatchUp(mapId, map);
    });
  }

  /**
   * Loads the map from Postgres in the background, retrying until it works
   * (or the map is left); a gap found meanwhile gets one more load.
   */
  private requestCatchUp(mapId: string, map: FollowedMap): void {
    if (map.catchingUp) {
      // The running load may have started before what was trimmed now was written.
      map.catchUpAgain = true;
      return;
    }
    map.catchingUp = true;
    void (async () => {
      try {
        do {
          map.catchUpAgain = false;
          while (!(await this.catchUpOnce(mapId, map))) {
            if (!this.running || this.maps.get(mapId) !== map) return;
            await sleep(RETRY_MS);
          }
        } while (map.catchUpAgain);
      } finally {
        map.catchingUp = false;
      }
    })();
  }

  /**
   * Applies the stored state to the live doc (idempotent: only what it lacks
   * changes, is relayed to local clients and is not stored again). Resolves
   * to false if Postgres failed.
   */
  private async catchUpOnce(mapId: string, map: FollowedMap): Promise<boolean> {
    try {
      const stored = await this.options.persistence.load(mapId);
      if (this.maps.get(mapId) !== map) return true; // not following any more
      if (!stored) map.target.mapGone();
      else if (stored.updates.length > 0)
        map.target.applyRemoteUpdate(Y.mergeUpdates(stored.updates));
      return true;
    } catch (error) {
      this.options.log.warn({ err: error, mapId }, 'catching up from postgres failed; retrying');
      return false;
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
        .then(() =>
          this.publishUpdate(mapId, map.target, stamp(map.target.fullState(), SYSTEM_AUTHOR)),
        )
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

  private trimmedKey(mapId: string): string {
    return `${this.options.keyPrefix}:map:${mapId}/trimmed`;
  }

  private awarenessChannel(mapId: string): string {
    return `${this.options.keyPrefix}:map:${mapId}/awareness`;
  }

  private controlChannel(): string {
    return `${this.options.keyPrefix}:control`;
  }

  /**
   * Access changes and map deletions must reach sockets on every instance,
   * not only on the one that handled the request: a revoked link has to stop
   * working everywhere within a second.
   */
  onControl(handler: (message: ControlMessage) => void): void {
    this.controlHandler = handler;
  }

  publishControl(message: ControlMessage): void {
    const payload = JSON.stringify({ ...message, from: this.instanceId });
    this.commands.publish(this.controlChannel(), payload).catch((error: unknown) => {
      this.options.log.error(
        { err: error },
        'could not tell other instances about an access change',
      );
    });
  }

  private onControlMessage(raw: Buffer): void {
    try {
      const message = JSON.parse(raw.toString()) as ControlMessage & { from?: string };
      if (message.from === this.instanceId) return; // already applied here
      this.controlHandler?.(message);
    } catch (error) {
      this.options.log.warn({ err: error }, 'dropping a bad control message');
    }
  }
}

/** Instance-wide events relayed to every server (see `onControl`). */
export type ControlMessage =
  | { readonly type: 'revoke'; readonly grant: string; readonly reconnect: boolean }
  | { readonly type: 'close-document'; readonly mapId: string; readonly reason: string };

/** Orders stream ids ("<ms>-<seq>"). */
function compareIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt);
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}

const laterId = (a: string, b: string) => (compareIds(a, b) >= 0 ? a : b);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
