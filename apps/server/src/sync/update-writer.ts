/**
 * The per-document write buffer between the live Y.Doc and the update log.
 *
 * Every change to the document is buffered and written with one INSERT
 * at most `flushIntervalMs` after the first buffered update — a burst of
 * keystrokes becomes one round trip, and a server killed outright loses at
 * most that window (plus any time Postgres is unreachable). Writes and
 * compactions for one document run one at a time, in order.
 *
 * A failed write keeps its batch at the front of the buffer and is retried
 * with backoff: edits are never dropped because Postgres hiccuped. The one
 * exception is a foreign-key violation, which means the map was deleted;
 * then the buffer is discarded and `onMapGone` closes the document.
 */
import type { StampedUpdate } from './attribution.ts';
import type { SyncLogger } from './logger.ts';
import { isMapGoneError, type BoardPersistence } from './persistence.ts';
import type { SyncMetrics } from './sync-metrics.ts';

export interface UpdateWriterOptions {
  readonly mapId: string;
  readonly persistence: BoardPersistence;
  readonly flushIntervalMs: number;
  readonly compactAfterUpdates: number;
  /** Threshold compactions are at least this far apart (default MIN_COMPACTION_INTERVAL_MS). */
  readonly compactMinIntervalMs?: number;
  /** Log rows that already exist for the map (from the load). */
  readonly loggedRows: number;
  readonly log: SyncLogger;
  readonly onMapGone: () => void;
  /** Reports each written batch's lag (default: none). */
  readonly metrics?: SyncMetrics;
}

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * Default of `compactMinIntervalMs`. A busy map crosses `compactAfterUpdates`
 * every few seconds (100 people × 2 edits/s: every 2.5 s), and each
 * compaction re-reads and re-merges the whole board. When the merge still ran
 * on the event loop, pnpm bench:sync showed it: at 100 clients, p50 latency
 * 320 ms with compaction every 500 rows, 40 ms without. The merge now runs on
 * a worker thread (board-worker-pool.ts), but the rows still cross the event loop
 * twice; so threshold-triggered compactions of one map stay at least this far
 * apart. A busy map's log just grows longer in between, and the compaction
 * when a map goes idle is unaffected.
 */
export const MIN_COMPACTION_INTERVAL_MS = 30_000;

export class UpdateWriter {
  private readonly options: UpdateWriterOptions;
  private pending: StampedUpdate[] = [];
  /** performance.now() when the oldest update in `pending` arrived (flush lag). */
  private pendingSince = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Tail of the chain that serialises writes and compactions. */
  private queue: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private loggedRows: number;
  private compactAt: number;
  private lastCompactionAt = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(options: UpdateWriterOptions) {
    this.options = options;
    this.loggedRows = options.loggedRows;
    this.compactAt = options.compactAfterUpdates;
  }

  /** Updates received but not yet in Postgres. */
  get pendingCount(): number {
    return this.pending.length;
  }

  push(update: StampedUpdate): void {
    if (this.stopped) return;
    if (this.pending.length === 0) this.pendingSince = performance.now();
    this.pending.push(update);
    this.schedule(this.options.flushIntervalMs);
  }

  /** Writes everything buffered so far. Resolves true when it all reached Postgres. */
  flush(): Promise<boolean> {
    return this.enqueue(() => this.writeBatch());
  }

  /** Folds the update log into the snapshot (after the writes queued before it). */
  compact(): Promise<void> {
    return this.enqueue(() => this.runCompaction());
  }

  /**
   * Flushes until the buffer is empty, retrying failed writes with backoff.
   * Without a deadline it waits as long as Postgres is away; with one it
   * gives up when it passes and resolves false.
   */
  async drain(deadline = Number.POSITIVE_INFINITY): Promise<boolean> {
    while (!this.stopped) {
      if ((await this.flush()) && this.pending.length === 0) return true;
      const wait = Math.min(this.retryDelay(), deadline - Date.now());
      if (this.failures > 0) {
        if (wait <= 0) return false;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    return false;
  }

  /** Drain, then compact if there is a log to fold: what a document does when it goes idle. */
  async settle(deadline?: number): Promise<boolean> {
    const written = await this.drain(deadline);
    if (written && this.loggedRows > 0) await this.compact();
    return written;
  }

  /** Stops writing and drops whatever is still buffered (returned for logging). */
  stop(): number {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const dropped = this.pending.length;
    this.pending = [];
    return dropped;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private retryDelay(): number {
    return Math.min(this.options.flushIntervalMs * 2 ** this.failures, MAX_RETRY_DELAY_MS);
  }

  private async writeBatch(): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return false;
    if (this.pending.length === 0) return true;

    const { mapId, persistence, log } = this.options;
    const batch = this.pending;
    const batchSince = this.pendingSince;
    this.pending = [];
    try {
      await persistence.append(mapId, batch);
    } catch (error) {
      if (this.stopped) return false;
      if (isMapGoneError(error)) {
        this.goneAway();
        return false;
      }
      // Keep the batch, ahead of anything that arrived meanwhile, and retry.
      this.pending = batch.concat(this.pending);
      this.pendingSince = batchSince;
      this.failures += 1;
      const retryInMs = this.retryDelay();
      log.error(
        { err: error, mapId, updates: this.pending.length, retryInMs },
        'writing board updates failed; keeping them and retrying',
      );
      this.schedule(retryInMs);
      return false;
    }
    this.options.metrics?.flushed(performance.now() - batchSince);
    if (this.failures > 0) log.info({ mapId }, 'writing board updates works again');
    this.failures = 0;
    this.loggedRows += batch.length;
    if (
      this.loggedRows >= this.compactAt &&
      Date.now() - this.lastCompactionAt >=
        (this.options.compactMinIntervalMs ?? MIN_COMPACTION_INTERVAL_MS)
    ) {
      await this.runCompaction();
    }
    return true;
  }

  private async runCompaction(): Promise<void> {
    if (this.stopped) return;
    const { mapId, persistence, log, compactAfterUpdates } = this.options;
    this.lastCompactionAt = Date.now();
    try {
      const folded = await persistence.compact(mapId);
      // Appends and compactions of this document are serialised, so no row
      // of ours can be left behind.
      this.loggedRows = 0;
      this.compactAt = compactAfterUpdates;
      log.debug({ mapId, folded }, 'compacted board');
    } catch (error) {
      if (this.stopped) return;
      if (isMapGoneError(error)) {
        this.goneAway();
        return;
      }
      // Harmless for correctness (the rows stay); try again after another batch
      // of rows rather than after every flush.
      this.compactAt = this.loggedRows + compactAfterUpdates;
      log.warn({ err: error, mapId }, 'compacting board failed; will retry later');
    }
  }

  private goneAway(): void {
    const dropped = this.stop();
    this.options.log.info(
      { mapId: this.options.mapId, dropped },
      'map was deleted; dropping its updates',
    );
    this.options.onMapGone();
  }
}
