/**
 * Stream → Postgres, for the scale-out mode (redis-relay.ts). Every map's
 * stream has one consumer group, `persist`; each instance that has the map
 * loaded is a consumer. Redis hands every entry to exactly ONE consumer, so
 * each update is appended to `board_updates` once; only after the append
 * commits is it XACKed and XDELed (the stream holds just what is not yet in
 * Postgres).
 *
 * An instance that dies leaves its delivered-but-unacknowledged entries in
 * the group's pending list; another instance with the map loaded claims them
 * (XAUTOCLAIM) once they have been idle for `claimIdleMs`. If that instance
 * was only slow, not dead, both append the same update: a duplicate row,
 * harmless for Yjs, never a loss.
 *
 * Compaction is the same `persistence.compact` as in the single-process
 * server, under its Postgres advisory lock: one compaction of a map at a
 * time across all instances.
 */
import type { Redis } from 'ioredis';
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
  readonly log: SyncLogger;
  readonly onMapGone: (mapId: string) => void;
}

export const PERSIST_GROUP = 'persist';

interface Batch {
  readonly ids: string[];
  readonly updates: Uint8Array[];
}

export class RedisPersister {
  private readonly options: RedisPersisterOptions;
  private readonly maps = new Set<string>();
  /** Entries delivered to us whose append failed: retried first, in order. */
  private readonly retry = new Map<string, Batch>();
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
      if (batch.ids.length === 0) return 0;
      try {
        await persistence.append(mapId, batch.updates);
      } catch (error) {
        if (isMapGoneError(error)) {
          await redis.del(key);
          this.options.onMapGone(mapId);
          return 0;
        }
        this.retry.set(mapId, batch);
        log.error({ err: error, mapId }, 'writing streamed board updates failed; retrying');
        return 0;
      }
      await redis.xack(key, PERSIST_GROUP, ...batch.ids);
      await redis.xdel(key, ...batch.ids);
      await this.maybeCompact(mapId, batch.ids.length);
      return batch.ids.length;
    } catch (error) {
      if (error instanceof Error && error.message.includes('NOGROUP')) {
        // Redis lost the stream (restart without persistence): recreate it.
        await this.ensureGroup(mapId).catch(() => undefined);
      } else {
        log.warn({ err: error, mapId }, 'persisting from redis failed; retrying');
      }
      return 0;
    }
  }

  /** New entries for us, plus entries another consumer left pending too long. */
  private async take(key: string, claimAll: boolean): Promise<Batch> {
    const { redis, consumer } = this.options;
    const ids: string[] = [];
    const updates: Uint8Array[] = [];
    const collect = (entries: [Buffer, Buffer[]][] | null | undefined) => {
      for (const [id, fields] of entries ?? []) {
        ids.push(id.toString());
        const entry = fields ? readEntry(fields) : null;
        if (entry) updates.push(entry.update);
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
    return { ids, updates };
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

/** A stream entry: fields `u` (the update) and `o` (the instance that added it). */
export function readEntry(fields: Buffer[]): { update: Uint8Array; origin: string } | null {
  let update: Uint8Array | null = null;
  let origin = '';
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString();
    if (name === 'u') update = new Uint8Array(fields[i + 1]!);
    else if (name === 'o') origin = fields[i + 1]!.toString();
  }
  return update ? { update, origin } : null;
}
