/**
 * Stream → Postgres, for the scale-out mode (redis-relay.ts). Every map's
 * stream has one consumer group, `persist`; each instance that has the map
 * loaded is a consumer. Redis hands every entry to exactly ONE consumer, so
 * each update is appended to `board_updates` once; only after the append
 * commits is it XACKed.
 *
 * Persisted entries are NOT deleted at once: the stream is also every
 * instance's feed, and a follower that lags (GC, load, a stalled event loop)
 * must still find them. After each successful write the persister trims the
 * stream by age (`retentionMs`), and never past an entry that is pending
 * (delivered, not yet written) or not yet delivered to the group: only
 * entries already in Postgres are ever removed. The trim and the record of
 * the newest removed id (`<stream>/trimmed`) happen in one Lua script, so a
 * follower whose last read id is older than that record knows it may have
 * missed entries and catches up from Postgres (redis-relay.ts).
 *
 * An instance that dies leaves its delivered-but-unacknowledged entries in
 * the group's pending list; another instance with the map loaded claims them
 * (XAUTOCLAIM) once they have been idle for `claimIdleMs` (with the map
 * loaded nowhere, the idle-map sweep does: `persistIdle`). If that instance
 * was only slow, not dead, both append the same update: the digest on
 * `board_updates` makes the second append a no-op.
 *
 * Entries marked `r` are a whole document an instance resynced after a Redis
 * outage (redis-relay.ts): they are folded into the snapshot with the log
 * (`compactWith`: a document's state holds each insert once), and only once
 * every entry before them in the stream is acknowledged — stored — so that
 * no such entry is appended after the fold, a second time.
 *
 * Compaction is the same `persistence.compact` as in the single-process
 * server, under its Postgres advisory lock: one compaction of a map at a
 * time across all instances.
 */
import { SYSTEM_AUTHOR, ZEditAuthor } from '@journeyboard/shared';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { StampedUpdate } from './attribution.ts';
import type { SyncLogger } from './logger.ts';
import { isMapGoneError, type BoardPersistence } from './persistence.ts';

export interface RedisPersisterOptions {
  readonly redis: Redis;
  readonly consumer: string;
  readonly persistence: BoardPersistence;
  readonly flushIntervalMs: number;
  readonly compactAfterUpdates: number;
  readonly compactMinIntervalMs: number;
  readonly streamKey: (mapId: string) => string;
  /** Key holding the id of the newest entry trimmed from the map's stream. */
  readonly trimmedKey: (mapId: string) => string;
  /** How long a persisted entry stays in the stream for lagging followers. */
  readonly retentionMs: number;
  readonly log: SyncLogger;
  readonly onMapGone: (mapId: string) => void;
}

export const PERSIST_GROUP = 'persist';

/**
 * Trims a stream to the entries newer than `ARGV[1]` ms (Redis' clock, so
 * instance clock skew doesn't matter), but never past the group's oldest
 * pending entry or its last-delivered id (so nothing unwritten goes), then
 * records the newest id it removed in KEYS[2]. Atomic: the record only ever
 * grows, and it covers exactly the entries that are gone.
 * KEYS: stream, trimmed-record; ARGV: retention ms, group. Returns the
 * number of entries removed.
 */
const TRIM_SCRIPT = `
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function less(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  return am < bm or (am == bm and as < bs)
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = string.format('%.0f-0', math.max(0, now - tonumber(ARGV[1])))
local delivered = nil
for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local fields = {}
  for i = 1, #group, 2 do fields[group[i]] = group[i + 1] end
  if fields['name'] == ARGV[2] then delivered = fields['last-delivered-id'] end
end
if not delivered then return 0 end
if less(delivered, limit) then limit = delivered end
local pending = redis.call('XPENDING', KEYS[1], ARGV[2])
if pending[2] and less(pending[2], limit) then limit = pending[2] end
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
if #first == 0 or not less(first[1][1], limit) then return 0 end
local last = redis.call('XREVRANGE', KEYS[1], '(' .. limit, '-', 'COUNT', 1)
local removed = redis.call('XTRIM', KEYS[1], 'MINID', limit)
redis.call('SET', KEYS[2], last[1][1])
return removed
`;

interface Batch {
  /** The ordinary entries. */
  readonly ids: string[];
  readonly updates: StampedUpdate[];
  /** Resync entries: whole documents, folded into the snapshot (compactWith). */
  readonly resyncs: Resync[];
}

interface Resync {
  readonly id: string;
  readonly state: Uint8Array;
}

export class RedisPersister {
  private readonly options: RedisPersisterOptions;
  private readonly maps = new Set<string>();
  /** Entries delivered to us whose append or XACK failed: retried first, in order. */
  private readonly retry = new Map<string, Batch>();
  /** Resync entries taken but waiting for older entries to be stored (see storeResyncs). */
  private readonly deferred = new Map<string, Resync[]>();
  private readonly rowsSinceCompaction = new Map<string, number>();
  private readonly lastCompactionAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  /** The running pass (passes never overlap). */
  private pass: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Entries idle this long in another consumer's pending list are taken over. */
  readonly claimIdleMs: number;

  constructor(options: RedisPersisterOptions) {
    this.options = options;
    this.claimIdleMs = Math.max(1_000, options.flushIntervalMs * 10);
  }

  start(): void {
    this.schedule();
  }

  add(mapId: string): void {
    this.maps.add(mapId);
  }

  /** Stops persisting a map here; with `drain`, first writes everything it can of its stream. */
  async remove(mapId: string, { drain }: { drain: boolean }): Promise<void> {
    if (drain) await this.drainMap(mapId);
    this.maps.delete(mapId);
    this.retry.delete(mapId);
    this.deferred.delete(mapId);
  }

  /**
   * A map loaded on no instance still has entries nobody wrote (the idle-map
   * sweep found them): write them from here, then forget the map again.
   */
  async persistIdle(mapId: string): Promise<void> {
    if (this.maps.has(mapId) || this.stopped) return;
    // A stream XADDed to after a Redis restart may have no group yet (never
    // MKSTREAM here: a stream removed meanwhile must stay removed).
    await this.options.redis
      .xgroup('CREATE', this.options.streamKey(mapId), PERSIST_GROUP, '0')
      .catch(() => undefined);
    for (let round = 0; round < 50; round++) {
      if ((await this.persistMap(mapId, false)) === 0) break;
    }
    if (this.maps.has(mapId)) return;
    this.retry.delete(mapId);
    this.deferred.delete(mapId);
    this.rowsSinceCompaction.delete(mapId);
    this.lastCompactionAt.delete(mapId);
  }

  /** Shutdown: one last pass over every map, then no more. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass;
    await Promise.all([...this.maps].map((mapId) => this.persistMap(mapId, false)));
  }

  /** Creates the map's stream and group if missing (also after a Redis restart lost them). */
  async ensureGroup(mapId: string): Promise<void> {
    try {
      await this.options.redis.xgroup(
        'CREATE',
        this.options.streamKey(mapId),
        PERSIST_GROUP,
        '0',
        'MKSTREAM',
      );
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('BUSYGROUP'))) throw error;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.runPass().finally(() => this.schedule());
    }, this.options.flushIntervalMs);
  }

  private async runPass(): Promise<void> {
    await Promise.all([...this.maps].map((mapId) => this.persistMap(mapId, false)));
  }

  /** Writes until the stream holds nothing we could take (claims others' stale entries too). */
  private async drainMap(mapId: string): Promise<void> {
    await this.pass;
    for (let round = 0; round < 50; round++) {
      const written = await this.persistMap(mapId, true);
      if (written === 0) return;
    }
  }

  /** One round for one map; resolves to the number of updates written. */
  private async persistMap(mapId: string, claimAll: boolean): Promise<number> {
    const { redis, persistence, log, streamKey } = this.options;
    const key = streamKey(mapId);
    try {
      const batch = this.retry.get(mapId) ?? (await this.take(key, claimAll));
      this.retry.delete(mapId);
      const resyncs = [...(this.deferred.get(mapId) ?? [])];
      this.deferred.delete(mapId);
      for (const resync of batch.resyncs) {
        // Our own deferred entries come back through XAUTOCLAIM too.
        if (!resyncs.some(({ id }) => id === resync.id)) resyncs.push(resync);
      }
      if (batch.ids.length === 0 && resyncs.length === 0) return 0;
      let appended = false;
      let written = 0;
      try {
        await persistence.append(mapId, batch.updates);
        appended = true;
        // ACK only: the entries stay for followers that haven't read them yet;
        // the trim removes them once they are older than the retention.
        if (batch.ids.length > 0) await redis.xack(key, PERSIST_GROUP, ...batch.ids);
        written = batch.ids.length;
        written += await this.storeResyncs(mapId, resyncs);
      } catch (error) {
        if (isMapGoneError(error)) {
          await redis.del(key, this.options.trimmedKey(mapId));
          this.options.onMapGone(mapId);
          return 0;
        }
        // Retry what failed, and only that: entries already appended are
        // acknowledged again, not appended again — by then a compaction (an
        // instance's resync after Redis came back) may have folded them, and
        // the digest can't match a folded row: they would be stored twice.
        if (written === 0)
          this.retry.set(mapId, {
            ids: batch.ids,
            updates: appended ? [] : batch.updates,
            resyncs: [],
          });
        if (!this.deferred.has(mapId)) this.deferred.set(mapId, resyncs);
        log.error({ err: error, mapId }, 'writing streamed board updates failed; retrying');
        return 0;
      }
      await this.trim(mapId);
      await this.maybeCompact(mapId, written);
      return written;
    } catch (error) {
      if (error instanceof Error && error.message.includes('NOGROUP')) {
        // Redis lost the stream (restart without persistence): recreate it —
        // unless we stopped following the map meanwhile (deleted, or its
        // idle keys removed): that would leak a stream nobody removes.
        if (this.maps.has(mapId)) await this.ensureGroup(mapId).catch(() => undefined);
      } else {
        log.warn({ err: error, mapId }, 'persisting from redis failed; retrying');
      }
      return 0;
    }
  }

  /**
   * Stores resync entries in stream order, each only once no entry before it
   * is pending any more (delivered to some instance, not yet stored): until
   * then Postgres may lack an update that the resync holds and that entry
   * will store too. Later ones wait for the next pass. Returns how many it
   * stored (each XACKed); throws what compactWith throws.
   */
  private async storeResyncs(mapId: string, resyncs: readonly Resync[]): Promise<number> {
    const { redis, persistence, streamKey } = this.options;
    const key = streamKey(mapId);
    for (const [index, { id, state }] of resyncs.entries()) {
      const older = await redis.xpending(key, PERSIST_GROUP, '-', `(${id}`, 1);
      if (older.length > 0) {
        this.deferred.set(mapId, resyncs.slice(index));
        return index;
      }
      try {
        await persistence.compactWith(mapId, state);
      } catch (error) {
        this.deferred.set(mapId, resyncs.slice(index));
        throw error;
      }
      // That was a compaction.
      this.rowsSinceCompaction.set(mapId, 0);
      this.lastCompactionAt.set(mapId, Date.now());
      await redis.xack(key, PERSIST_GROUP, id);
    }
    return resyncs.length;
  }

  /** Drops persisted entries older than the retention (see TRIM_SCRIPT). */
  private async trim(mapId: string): Promise<void> {
    const { redis, streamKey, trimmedKey, retentionMs, log } = this.options;
    try {
      await redis.eval(
        TRIM_SCRIPT,
        2,
        streamKey(mapId),
        trimmedKey(mapId),
        retentionMs,
        PERSIST_GROUP,
      );
    } catch (error) {
      // Only memory: the next successful write trims again.
      log.warn({ err: error, mapId }, 'trimming the redis stream failed');
    }
  }

  /** New entries for us, plus entries another consumer left pending too long. */
  private async take(key: string, claimAll: boolean): Promise<Batch> {
    const { redis, consumer } = this.options;
    const ids: string[] = [];
    const updates: StampedUpdate[] = [];
    const resyncs: Resync[] = [];
    const collect = (entries: [Buffer, Buffer[]][] | null | undefined) => {
      for (const [idBuffer, fields] of entries ?? []) {
        const id = idBuffer.toString();
        const entry = fields ? readEntry(fields) : null;
        if (entry?.resync) {
          resyncs.push({ id, state: entry.update });
          continue;
        }
        ids.push(id);
        if (entry) updates.push(entry);
      }
    };
    const claimed = (await redis.callBuffer(
      'XAUTOCLAIM',
      key,
      PERSIST_GROUP,
      consumer,
      claimAll ? 0 : this.claimIdleMs,
      '0-0',
      'COUNT',
      1_000,
    )) as [Buffer, [Buffer, Buffer[]][]];
    collect(claimed[1]);
    const read = (await redis.callBuffer(
      'XREADGROUP',
      'GROUP',
      PERSIST_GROUP,
      consumer,
      'COUNT',
      1_000,
      'STREAMS',
      key,
      '>',
    )) as [Buffer, [Buffer, Buffer[]][]][] | null;
    collect(read?.[0]?.[1]);
    return { ids, updates, resyncs };
  }

  private async maybeCompact(mapId: string, written: number): Promise<void> {
    const rows = (this.rowsSinceCompaction.get(mapId) ?? 0) + written;
    const sinceLast = Date.now() - (this.lastCompactionAt.get(mapId) ?? Number.NEGATIVE_INFINITY);
    // Same rule as UpdateWriter: a busy map compacts at most every 30 s.
    if (rows < this.options.compactAfterUpdates || sinceLast < this.options.compactMinIntervalMs) {
      this.rowsSinceCompaction.set(mapId, rows);
      return;
    }
    this.rowsSinceCompaction.set(mapId, 0);
    this.lastCompactionAt.set(mapId, Date.now());
    try {
      await this.options.persistence.compact(mapId);
    } catch (error) {
      this.options.log.warn({ err: error, mapId }, 'compacting board failed; will retry later');
    }
  }
}

/** Field `a` of a stream entry: who made the update and when (attribution.ts). */
const ZEntryStamp = z.object({ author: ZEditAuthor, at: z.iso.datetime() });

export function encodeStamp({ author, at }: StampedUpdate): string {
  return JSON.stringify({ author, at: at.toISOString() });
}

/**
 * A stream entry: fields `u` (the update), `o` (the instance that added it),
 * `a` (its stamp: who made it and when) and `r` (present: a whole-document
 * resync, see redis-relay.ts; its stamp is the system's). An entry without a
 * readable stamp (written before stamps existed) is stored as the system's,
 * at the time it is read.
 */
export function readEntry(
  fields: Buffer[],
): (StampedUpdate & { readonly origin: string; readonly resync: boolean }) | null {
  let update: Uint8Array | null = null;
  let origin = '';
  let resync = false;
  let stamp: z.infer<typeof ZEntryStamp> | null = null;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString();
    if (name === 'u') update = new Uint8Array(fields[i + 1]!);
    else if (name === 'o') origin = fields[i + 1]!.toString();
    else if (name === 'r') resync = true;
    else if (name === 'a') stamp = parseStamp(fields[i + 1]!.toString());
  }
  if (!update) return null;
  return {
    update,
    origin,
    resync,
    author: stamp?.author ?? SYSTEM_AUTHOR,
    at: stamp ? new Date(stamp.at) : new Date(),
  };
}

function parseStamp(text: string): z.infer<typeof ZEntryStamp> | null {
  try {
    const parsed = ZEntryStamp.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
