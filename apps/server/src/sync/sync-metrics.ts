/**
 * What the sync server reports to metrics (plugins/metrics.ts turns these
 * into Prometheus counters and histograms). The sync code only calls this
 * interface; with metrics off it is NO_SYNC_METRICS, which does nothing.
 * Gauges (open connections, documents in memory) are read from `app.sync` at
 * scrape time instead, so they need no calls here.
 */
export interface SyncMetrics {
  /** A client's update changed a document (counted once, whoever receives it). */
  updateReceived(): void;
  /** Update frames written to connections (relayed changes, merged per event-loop turn). */
  updatesSent(frames: number): void;
  /** A batch of updates reached Postgres `lagMs` after the oldest of them arrived. */
  flushed(lagMs: number): void;
  /** A compaction (log folded into the snapshot) took `ms`. */
  compacted(ms: number): void;
}

export const NO_SYNC_METRICS: SyncMetrics = {
  updateReceived: () => undefined,
  updatesSent: () => undefined,
  flushed: () => undefined,
  compacted: () => undefined,
};
