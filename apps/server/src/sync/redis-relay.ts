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
 *   instances every instance publishes a heartbeat; presence relayed from an
 *             instance that goes quiet is dropped (peer-instances.ts), so the
 *             people of a killed instance don't linger as ghosts.
 *   outage    an XADD that fails is written straight to Postgres (nothing is
 *             lost; the digest on board_updates makes a write of an update
 *             that reached Redis after all a no-op); once Redis answers again
 *             every instance XADDs the full state of each loaded map once,
 *             marked `r`: peers catch up on whatever they missed, and the
 *             persister folds it into the snapshot with the log (a compaction
 *             that includes it: each insert stored once; a Redis restart that
 *             lost stream entries loses nothing an instance still holds).
 *   idle keys a sorted set `<prefix>:maps` records when each map was last
 *             loaded anywhere; a map idle on every instance for `idleMapTtlMs`
 *             loses its stream, group and trim record — only once every entry
 *             in them is in Postgres (an instance that died holding some
 *             leaves them to be written here first).
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
import { PeerInstances } from './peer-instances.ts';
import { encodeStamp, PERSIST_GROUP, readEntry, RedisPersister } from './redis-persister.ts';

/** What the relay needs from a loaded document (implemented by LiveDocument). */
export interface RelayTarget {
  /** An update another instance received: apply, relay to local clients, don't store. */
  applyRemoteUpdate(update: Uint8Array): void;
  /** An awareness update from another instance: apply, relay to local clients. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** The instance that relayed these presence states is gone: remove them (unless now local). */
  dropRemoteAwareness(clientIds: readonly number[]): void;
  /** The awareness states this instance's own connections own (null: none). */
  localAwareness(): Uint8Array | null;
  /** The whole document, as one update. */
  fullState(): Uint8Array;
  /** Fallback when Redis can't take an update: straight to the local update writer. */
  storeDirectly(update: StampedUpdate): void;
  /** Resolves once everything `storeDirectly` got is in Postgres. */
  flushDirectWrites(): Promise<void>;
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
  /** An instance not heard from for this long is gone: its relayed presence is dropped. Default 3 s. */
  readonly instanceTimeoutMs?: number;
  /** A map's keys are removed once no instance has had it loaded for this long. Default 10 min. */
  readonly idleMapTtlMs?: number;
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
const DEFAULT_INSTANCE_TIMEOUT_MS = 3_000;
const DEFAULT_IDLE_MAP_TTL_MS = 10 * 60_000;
/** Idle maps looked at per sweep (the oldest first). */
const SWEEP_BATCH = 100;

/**
 * Removes an idle map's keys (KEYS: stream, trim record, index; ARGV: mapId,
 * idle-since threshold ms, group) unless it was loaded again meanwhile
 * ('active') or its stream holds entries not yet in Postgres — pending in
 * the group (an instance died holding them) or never delivered to it
 * ('unwritten': the caller writes them, a later sweep removes the keys).
 * Atomic with the index check, so a load that touched the index first
 * always finds either the keys or everything in Postgres.
 */
const REMOVE_IDLE_MAP_SCRIPT = `
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function less(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  return am < bm or (am == bm and as < bs)
end
local score = redis.call('ZSCORE', KEYS[3], ARGV[1])
if score and tonumber(score) > tonumber(ARGV[2]) then return 'active' end
if redis.call('EXISTS', KEYS[1]) == 1 then
  local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
  if #last > 0 then
    local delivered = nil
    for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
      local fields = {}
      for i = 1, #group, 2 do fields[group[i]] = group[i + 1] end
      if fields['name'] == ARGV[3] then
        if tonumber(fields['pending']) > 0 then return 'unwritten' end
        delivered = fields['last-delivered-id']
      end
    end
    if not delivered or less(delivered, last[1][1]) then return 'unwritten' end
  end
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
return 'removed'
`;

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
  /** The last heartbeat reached Redis (for /api/health). */
  private heartbeatOk = false;
  private readonly peers: PeerInstances;
  private readonly instanceTimeoutMs: number;
  private readonly idleMapTtlMs: number;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private lastTouchAt = Number.NEGATIVE_INFINITY;
  private controlHandler: ((message: ControlMessage) => void) | undefined;
  private controlGapHandler: (() => void) | undefined;
  /** The subscriber lost its connection: control messages published meanwhile never reached us. */
  private controlGap = false;

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
    this.subscriber.on('close', () => {
      this.controlGap = true;
    });
    this.subscriber.on('ready', () => {
      if (this.controlGap) void this.closeControlGap();
    });
    this.instanceTimeoutMs = options.instanceTimeoutMs ?? DEFAULT_INSTANCE_TIMEOUT_MS;
    this.idleMapTtlMs = options.idleMapTtlMs ?? DEFAULT_IDLE_MAP_TTL_MS;
    this.peers = new PeerInstances(this.instanceTimeoutMs);
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      if (name === this.controlChannel()) this.onControlMessage(message);
      else if (name === this.instancesChannel()) this.onHeartbeat(message);
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
      onMapGone: (mapId) => {
        void this.commands.zrem(this.indexKey(), mapId).catch(() => undefined);
        this.maps.get(mapId)?.target.mapGone();
      },
    });
  }

  /** For /api/health: 'down' while this instance can't reach Redis. */
  get status(): 'up' | 'down' {
    const connected = [this.commands, this.reader, this.subscriber].every(
      (connection) => connection.status === 'ready',
    );
    return connected && this.heartbeatOk ? 'up' : 'down';
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
    this.subscriber
      .subscribe(this.controlChannel(), this.instancesChannel())
      .catch((error: unknown) => {
        this.options.log.error(
          { err: error },
          'could not follow access changes of other instances',
        );
      });
    this.readLoop = this.runReadLoop();
    this.persister.start();
    await this.heartbeat();
    this.scheduleSweep();
  }

  /**
   * Every third of the instance timeout: tell the others we are alive, drop
   * the presence of instances that went quiet, keep our loaded maps marked
   * as in use, and resync once Redis answers again after a failure (a
   * partition need not close the connection, so 'ready' alone can't tell).
   */
  private async heartbeat(): Promise<void> {
    try {
      await this.commands.publish(this.instancesChannel(), this.instanceId);
      this.heartbeatOk = true;
      if (this.wasDisconnected) this.resyncAll();
      const now = performance.now();
      if (now - this.lastTouchAt >= this.idleMapTtlMs / 4) {
        this.lastTouchAt = now;
        await this.touch([...this.maps.keys()]);
      }
    } catch (error) {
      if (this.heartbeatOk) this.options.log.warn({ err: error }, 'redis heartbeat failed');
      this.heartbeatOk = false;
      this.wasDisconnected = true;
    }
    for (const { mapId, clientIds } of this.peers.takeGhosts(performance.now())) {
      this.options.log.info(
        { mapId, clients: clientIds.length },
        'dropping presence of a gone instance',
      );
      this.maps.get(mapId)?.target.dropRemoteAwareness(clientIds);
    }
    if (!this.running) return;
    this.heartbeatTimer = setTimeout(() => void this.heartbeat(), this.instanceTimeoutMs / 3);
    this.heartbeatTimer.unref();
  }

  private onHeartbeat(message: Buffer): void {
    const instanceId = message.toString();
    if (instanceId !== this.instanceId) this.peers.heard(instanceId, performance.now());
  }

  /** Marks maps as loaded somewhere now (the idle-map sweep leaves them alone). */
  private async touch(mapIds: readonly string[]): Promise<void> {
    if (mapIds.length === 0) return;
    const now = Date.now();
    await this.commands.zadd(this.indexKey(), ...mapIds.flatMap((mapId) => [now, mapId]));
  }

  private scheduleSweep(): void {
    if (!this.running) return;
    const interval = Math.min(this.idleMapTtlMs / 2, 60_000);
    this.sweepTimer = setTimeout(() => {
      void this.sweepIdleMaps().finally(() => this.scheduleSweep());
    }, interval);
    this.sweepTimer.unref();
  }

  /**
   * Removes the keys of maps that no instance has loaded for `idleMapTtlMs`
   * (every instance sweeps; the script makes that safe). Entries such a map
   * still holds unwritten are written first, from here.
   */
  private async sweepIdleMaps(): Promise<void> {
    const threshold = Date.now() - this.idleMapTtlMs;
    try {
      const idle = await this.commands.zrangebyscore(
        this.indexKey(),
        '-inf',
        threshold,
        'LIMIT',
        0,
        SWEEP_BATCH,
      );
      for (const mapId of idle) {
        if (!this.running) return;
        if (this.maps.has(mapId)) continue; // ours; the heartbeat touches it
        const result = await this.commands.eval(
          REMOVE_IDLE_MAP_SCRIPT,
          3,
          this.streamKey(mapId),
          this.trimmedKey(mapId),
          this.indexKey(),
          mapId,
          threshold,
          PERSIST_GROUP,
        );
        if (result === 'unwritten') await this.persister.persistIdle(mapId);
        else if (result === 'removed') this.options.log.debug({ mapId }, 'removed idle map keys');
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'sweeping idle map keys failed');
    }
  }

  /** The map was deleted: its keys go now. */
  async removeMap(mapId: string): Promise<void> {
    try {
      await this.commands
        .multi()
        .del(this.streamKey(mapId), this.trimmedKey(mapId))
        .zrem(this.indexKey(), mapId)
        .exec();
    } catch (error) {
      // The idle sweep removes them later (the persister finds the map gone).
      this.options.log.warn({ err: error, mapId }, 'removing a deleted map from redis failed');
    }
  }

  /**
   * Call BEFORE loading a map from Postgres and pass the result to `join`:
   * every entry trimmed up to this id was written before the load, so the
   * load has it. Never throws (null: unknown, `join` then catches up).
   */
  async trimmedId(mapId: string): Promise<string | null> {
    try {
      // First: from now on the idle sweep leaves the map's keys alone.
      await this.touch([mapId]);
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
      await this.touch([mapId]);
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
    this.peers.forgetMap(mapId);
    // Not draining (the map was deleted): stop persisting it now, before its
    // keys are removed, or a pass could recreate its stream.
    const removed = drain ? null : this.persister.remove(mapId, { drain });
    // Idle from now: the keys go once every instance has left it for idleMapTtlMs.
    await this.touch([mapId]).catch(() => undefined);
    await this.subscriber.unsubscribe(this.awarenessChannel(mapId)).catch(() => undefined);
    await (removed ?? this.persister.remove(mapId, { drain }));
  }

  /** Shutdown: persist what we can, then disconnect. */
  async close(): Promise<void> {
    this.running = false;
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
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
        // (If Redis took it after all, the persister's write of it is a no-op.)
        this.options.log.warn({ err: error, mapId }, 'XADD failed; writing the update directly');
        this.wasDisconnected = true;
        target.storeDirectly(update);
      });
  }

  /**
   * The whole document for peers that missed changes (`r`: the persister
   * folds it into the snapshot; `a`: the system's stamp). Not written directly if it fails:
   * everything in it is stored or in the stream, and the resync is retried.
   */
  private publishFullState(mapId: string, target: RelayTarget): Promise<unknown> {
    return this.commands.xadd(
      this.streamKey(mapId),
      '*',
      'u',
      Buffer.from(target.fullState()),
      'o',
      this.instanceId,
      'r',
      '1',
      // Beside `r`: who made it (the system) and when, like every entry.
      'a',
      encodeStamp(stamp(new Uint8Array(), SYSTEM_AUTHOR)),
    );
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
      const from = decoding.readVarString(decoder);
      if (from === this.instanceId) return;
      const kind = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (kind === AwarenessKind.update) {
        this.peers.relayed(mapId, from, payload, performance.now());
        map.target.applyRemoteAwareness(payload);
      } else {
        this.peers.heard(from, performance.now());
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
   * catch up; the persister folds it into the snapshot (compactWith).
   */
  private resyncAll(): void {
    this.wasDisconnected = false;
    void this.touch([...this.maps.keys()]).catch(() => undefined);
    for (const [mapId, map] of this.maps) {
      void this.persister
        .ensureGroup(mapId)
        // What went to Postgres directly must be there before the resync is
        // stored, or it would be stored again as part of it.
        .then(() => map.target.flushDirectWrites())
        .then(() => this.publishFullState(mapId, map.target))
        .then(() => {
          // Peers that dropped our people as ghosts meanwhile: here they are.
          const states = map.target.localAwareness();
          if (states) this.publish(mapId, AwarenessKind.update, states);
          this.publish(mapId, AwarenessKind.query, new Uint8Array());
        })
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

  /** Heartbeats: every instance publishes its id here. */
  private instancesChannel(): string {
    return `${this.options.keyPrefix}:instances`;
  }

  /** Sorted set: mapId → when an instance last had it loaded (ms). */
  private indexKey(): string {
    return `${this.options.keyPrefix}:maps`;
  }

  /**
   * Access changes and map deletions must reach sockets on every instance,
   * not only on the one that handled the request: a revoked link has to stop
   * working everywhere within a second.
   */
  onControl(handler: (message: ControlMessage) => void): void {
    this.controlHandler = handler;
  }

  /**
   * Called once the control channel is followed again after the subscriber
   * lost its connection: Redis Pub/Sub keeps nothing, so what the messages of
   * that gap announced (lock changes) has to be read again from Postgres.
   */
  onControlGap(handler: () => void): void {
    this.controlGapHandler = handler;
  }

  private async closeControlGap(): Promise<void> {
    try {
      // ioredis resubscribes right after 'ready'; its answer is the moment from which
      // nothing published is missed, so the re-read must start after it.
      await this.subscriber.subscribe(this.controlChannel());
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not follow the control channel again');
      return; // still a gap: the next 'ready' tries again
    }
    this.controlGap = false;
    this.options.log.info('control channel followed again; re-reading what it may have missed');
    this.controlGapHandler?.();
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
  | {
      readonly type: 'revoke';
      readonly grant: string;
      readonly reconnect: boolean;
      /** Absent from instances that predate it: read as false. */
      readonly writingEnds?: boolean;
    }
  | { readonly type: 'close-document'; readonly mapId: string; readonly reason: string }
  /** The map's facilitator locks changed in Postgres: read them again. */
  | { readonly type: 'locks'; readonly mapId: string };

/** Orders stream ids ("<ms>-<seq>"). */
function compareIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt);
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}

const laterId = (a: string, b: string) => (compareIds(a, b) >= 0 ? a : b);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
