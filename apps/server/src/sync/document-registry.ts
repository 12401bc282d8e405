/**
 * mapId → live document. Loads a document when its first connection arrives
 * and unloads it (final flush + compaction) when its last one leaves.
 *
 * Concurrent connections to a map that isn't loaded share ONE load: two
 * separately loaded Y.Docs for one map would each relay edits only to their
 * own half of the participants.
 */
import * as Y from 'yjs';
import { encodeBoardState } from '@journeyboard/shared/board';
import { AuthoredOrigin } from './attribution.ts';
import type { BoardLockSet } from '@journeyboard/shared/board';
import { CloseCode, CloseReason } from '@journeyboard/shared';
import type { HistoryHooks, LiveBoard } from './history-hooks.ts';
import type { ActivitySink } from './activity-recorder.ts';
import type { Connection } from './connection.ts';
import { LiveDocument } from './live-document.ts';
import { NO_SOCKET_RULES, type MapSocketRules } from './map-socket-rules.ts';
import type { SyncLogger } from './logger.ts';
import type { AwarenessRule } from './awareness-rules.ts';
import type { BoardPersistence } from './persistence.ts';
import type { PresenceLimits, RefusalCounter } from './presence-limits.ts';
import type { RedisRelay } from './redis-relay.ts';
import { UpdateWriter } from './update-writer.ts';
import type { SyncConfig } from '../config/config.ts';
import type { SyncMetrics } from './sync-metrics.ts';

export interface DocumentRegistryOptions {
  readonly persistence: BoardPersistence;
  readonly config: SyncConfig;
  readonly awarenessRules: readonly AwarenessRule[];
  readonly presenceLimits: PresenceLimits;
  readonly refusals: RefusalCounter;
  readonly log: SyncLogger;
  /** Scale-out over Redis; null: this process is the only server. */
  readonly relay: RedisRelay | null;
  /** Automatic versions (history-hooks.ts); null: none. */
  readonly history?: HistoryHooks | null;
  /** The activity feed's storage (activity-recorder.ts); null: not recorded. */
  readonly activity?: ActivitySink | null;
  /** The map's locks and secret round from Postgres (map-socket-rules.ts); default: none. */
  readonly loadRules?: (mapId: string) => Promise<MapSocketRules>;
  readonly metrics: SyncMetrics;
}

/** After a failed automatic-version check, try again this much later. */
const VERSION_RETRY_MS = 60_000;

interface Entry {
  readonly mapId: string;
  /** Resolves to null when the map doesn't exist. */
  readonly ready: Promise<LiveDocument | null>;
  doc: LiveDocument | null;
  unloading: Promise<void> | null;
  /** Closed by closeDocument (map deleted): never written again. */
  dropped: { reason: string } | null;
  /** The document broke (LiveDocument.onBroken): settles once it is written and forgotten. */
  broken: Promise<void> | null;
  /** `withBoard` calls in progress: the document stays loaded while any runs. */
  holds: number;
  /** When to ask the history about an hourly version again (ms epoch; history-hooks.ts). */
  nextVersionCheckAt: number;
  versionCheck: Promise<void> | null;
  /** Counts rule reloads, so a slow older read never overwrites a newer one. */
  rulesGeneration: number;
}

export class DocumentRegistry {
  private readonly options: DocumentRegistryOptions;
  private readonly entries = new Map<string, Entry>();
  private closing = false;

  constructor(options: DocumentRegistryOptions) {
    this.options = options;
  }

  /** The maps with a document here (loaded or loading). */
  loadedMapIds(): string[] {
    return [...this.entries.keys()];
  }

  /** Documents in memory (including ones still writing their last updates). */
  get documentCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.doc) count += 1;
    return count;
  }

  isLoaded(mapId: string): boolean {
    return Boolean(this.entries.get(mapId)?.doc);
  }

  /** The map's live Y.Doc when it is loaded here and healthy (to read, never to write). */
  liveDoc(mapId: string): LiveDocument['doc'] | null {
    const entry = this.entries.get(mapId);
    if (!entry?.doc || entry.broken || entry.dropped) return null;
    return entry.doc.doc;
  }

  /**
   * Adds a connection (access already granted) to the map's document, loading
   * the document first if needed. The connection's frames stay queued until
   * the stored state is in memory, so sync step 1 is never answered from an
   * empty document.
   */
  async join(mapId: string, connection: Connection): Promise<void> {
    if (this.closing) {
      connection.close(CloseCode.goingAway, CloseReason.goingAway);
      return;
    }
    const entry = this.entries.get(mapId) ?? this.load(mapId);
    let doc: LiveDocument | null;
    try {
      doc = await entry.ready;
    } catch (error) {
      this.options.log.error({ err: error, mapId }, 'loading a board failed');
      connection.close(CloseCode.internalError, CloseReason.internalError);
      return;
    }
    if (entry.dropped) {
      connection.close(CloseCode.mapDeleted, entry.dropped.reason);
      return;
    }
    if (!doc) {
      connection.close(CloseCode.mapNotFound, CloseReason.mapNotFound);
      return;
    }
    if (this.closing) {
      connection.close(CloseCode.goingAway, CloseReason.goingAway);
      return;
    }
    if (entry.broken) {
      // Wait until the broken document is written and forgotten, then load afresh.
      await entry.broken;
      return this.join(mapId, connection);
    }
    if (this.entries.get(mapId) !== entry) {
      // The document finished unloading while we waited: load it afresh.
      return this.join(mapId, connection);
    }
    if (!connection.isOpen) {
      // Left while the board was loading; unload it if nobody else is there.
      this.releaseIfIdle(entry);
      return;
    }
    // Leaving is the document's to hear (LiveDocument.connectionClosed, then onConnectionLeft):
    // no closure per connection, which its socket would keep for its lifetime.
    doc.attach(connection);
  }

  /**
   * The map's locks or secret round changed (here or on another instance):
   * read them again and enforce them on the loaded document. A document
   * still loading reads them after it loaded. Resolves once they are in force.
   */
  async refreshRules(mapId: string): Promise<void> {
    const entry = this.entries.get(mapId);
    if (!entry) return; // not loaded here: the next load reads them
    const generation = ++entry.rulesGeneration;
    const doc = await entry.ready.catch(() => null);
    const rules = await this.readRules(mapId);
    if (doc && generation === entry.rulesGeneration) doc.applyRules(rules);
  }

  locksOf(mapId: string): BoardLockSet | null {
    return this.entries.get(mapId)?.doc?.locks ?? null;
  }

  private readRules(mapId: string): Promise<MapSocketRules> {
    return this.options.loadRules?.(mapId) ?? Promise.resolve(NO_SOCKET_RULES);
  }

  /** Closes every connection on the map with 4410 and forgets its document without writing. */
  closeDocument(mapId: string, reason: string): void {
    const entry = this.entries.get(mapId);
    if (!entry) return;
    this.drop(entry, reason);
  }

  /**
   * Runs `fn` with the map's live board, loading it if nobody has it open
   * (and unloading it afterwards if still nobody does). Resolves to null
   * when the map doesn't exist.
   */
  async withBoard<T>(mapId: string, fn: (board: LiveBoard) => T | Promise<T>): Promise<T | null> {
    if (this.closing) throw new Error('the sync server is shutting down');
    const entry = this.entries.get(mapId) ?? this.load(mapId);
    const doc = await entry.ready;
    if (!doc || entry.dropped) return null;
    if (entry.broken) {
      await entry.broken;
      return this.withBoard(mapId, fn);
    }
    if (this.entries.get(mapId) !== entry) return this.withBoard(mapId, fn);
    entry.holds += 1;
    try {
      return await fn({
        state: () => encodeBoardState(doc.doc),
        change: (author, change) => {
          const origin = new AuthoredOrigin(author);
          doc.doc.transact(() => change(doc.doc, origin), origin);
        },
        apply: (author, update) => Y.applyUpdate(doc.doc, update, new AuthoredOrigin(author, true)),
        stored: () => doc.flushDirectWrites(),
        markVersioned: () => {
          doc.changedSinceVersion = false;
        },
      });
    } finally {
      entry.holds -= 1;
      this.releaseIfIdle(entry);
    }
  }

  /** Writes every buffered update of every document (waits for Postgres as long as it takes). */
  async flushAll(): Promise<void> {
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        await entry.doc?.writer.drain();
      }),
    );
  }

  /**
   * First step of shutdown: from now on nothing loads and nothing unloads on
   * its own — `shutdown()` writes and frees every document itself.
   */
  beginShutdown(): void {
    this.closing = true;
  }

  /**
   * Shutdown, after every connection was closed: finish loads, then write and
   * compact every document, giving up on Postgres at `deadline`.
   */
  async shutdown(deadline: number): Promise<void> {
    this.closing = true;
    const entries = [...this.entries.values()];
    await Promise.allSettled(entries.map((entry) => entry.ready));
    await Promise.all(
      entries.map(async (entry) => {
        const doc = entry.doc;
        if (!doc || entry.dropped) return;
        const written = await doc.writer.settle(deadline);
        await doc.activity?.flush();
        if (!written) {
          this.options.log.error(
            { mapId: entry.mapId, updates: doc.writer.pendingCount },
            'shutting down with board updates that could not be written',
          );
        }
        doc.destroy();
      }),
    );
    this.entries.clear();
  }

  private load(mapId: string): Entry {
    const { persistence, config, awarenessRules, presenceLimits, refusals, log, relay, metrics } =
      this.options;
    // Scale-out: how far the map's stream was trimmed, read BEFORE Postgres,
    // so the relay can tell whether an entry trimmed later is missing.
    const loadedAfter = relay ? relay.trimmedId(mapId) : Promise.resolve(null);
    const loading = relay
      ? loadedAfter.then(() => persistence.load(mapId))
      : persistence.load(mapId);
    const entry: Entry = {
      mapId,
      doc: null,
      unloading: null,
      dropped: null,
      broken: null,
      holds: 0,
      nextVersionCheckAt: 0,
      versionCheck: null,
      rulesGeneration: 0,
      ready: Promise.all([loading, this.readRules(mapId), this.nextVersionDue(mapId)]).then(
        async ([stored, rules, versionDue]) => {
          if (!stored || entry.dropped) {
            this.forget(entry);
            return null;
          }
          const doc = new LiveDocument({
            mapId,
            stored,
            awarenessRules,
            presenceLimits,
            refusals,
            log,
            activity: this.options.activity
              ? {
                  sink: this.options.activity,
                  flushIntervalMs: Math.max(config.flushIntervalMs, 1_000),
                }
              : null,
            metrics,
            createWriter: (loggedRows) =>
              new UpdateWriter({
                mapId,
                persistence,
                flushIntervalMs: config.flushIntervalMs,
                compactAfterUpdates: config.compactAfterUpdates,
                compactMinIntervalMs: config.compactMinIntervalMs,
                loggedRows,
                log,
                metrics,
                // A write hit a foreign-key violation: the map was deleted.
                onMapGone: () => this.drop(entry, CloseReason.mapDeleted),
              }),
          });
          doc.applyRules(rules);
          doc.onMapGone = () => this.drop(entry, CloseReason.mapDeleted);
          doc.onBroken = () => this.reload(entry, doc);
          entry.nextVersionCheckAt = versionDue;
          doc.onLocalChange = () => this.checkHourlyVersion(entry, doc);
          doc.onConnectionLeft = () => this.releaseIfIdle(entry);
          // Scale-out: catch up on what other instances streamed but haven't
          // stored yet, before anyone is answered from this document.
          if (relay) doc.relay = await relay.join(mapId, doc, await loadedAfter);
          if (entry.dropped) {
            doc.destroy();
            return null;
          }
          entry.doc = doc;
          return doc;
        },
        (error: unknown) => {
          // Let the next connection try again.
          this.forget(entry);
          throw error;
        },
      ),
    };
    this.entries.set(mapId, entry);
    return entry;
  }

  private drop(entry: Entry, reason: string): void {
    if (entry.dropped) return;
    entry.dropped = { reason };
    this.forget(entry);
    void this.options.relay?.leave(entry.mapId, { drain: false });
    const doc = entry.doc;
    if (doc) {
      doc.writer.stop();
      doc.closeAll(CloseCode.mapDeleted, reason);
      doc.destroy();
    }
  }

  /**
   * The document can't integrate changes any more (LiveDocument.onBroken).
   * Everything it had logged is still valid: write that, forget the document
   * and close its sockets with 1011 so that clients reconnect to a fresh load
   * from Postgres — their sync then sends back whatever the broken document
   * swallowed, since every client keeps its own edits until the server has them.
   */
  private reload(entry: Entry, doc: LiveDocument): void {
    if (entry.broken || entry.dropped) return;
    const { log, relay } = this.options;
    log.error({ mapId: entry.mapId }, 'board document broke; reloading it from Postgres');
    const unloading = entry.unloading;
    entry.broken = (async () => {
      await unloading;
      if (relay) await relay.leave(entry.mapId);
      await doc.writer.drain();
    })()
      .catch((error: unknown) => {
        log.error({ err: error, mapId: entry.mapId }, 'writing a broken board failed');
      })
      .finally(() => {
        this.forget(entry);
        doc.destroy();
      });
    // After `broken` is set: closing must not start an ordinary unload.
    doc.closeAll(CloseCode.internalError, CloseReason.boardReloaded);
  }

  /** The last person left a map that changed: an automatic version (history-hooks.ts). */
  private async versionOnLeave(entry: Entry, doc: LiveDocument): Promise<void> {
    const { history, log } = this.options;
    if (!history || !doc.changedSinceVersion) return;
    await entry.versionCheck;
    try {
      await history.lastLeft(entry.mapId, encodeBoardState(doc.doc));
      doc.changedSinceVersion = false;
    } catch (error) {
      log.error({ err: error, mapId: entry.mapId }, 'saving the automatic version on leave failed');
    }
  }

  /**
   * Read as the map loads, so its first change needs no query. If the read
   * fails, the first change asks (0: due now).
   */
  private async nextVersionDue(mapId: string): Promise<number> {
    const { history, log } = this.options;
    if (!history) return Number.POSITIVE_INFINITY;
    try {
      return await history.nextVersionDue(mapId);
    } catch (error) {
      log.error({ err: error, mapId }, 'reading when the next hourly version is due failed');
      return 0;
    }
  }

  /** At most hourly while busy: asks the history once `nextVersionCheckAt` has passed. */
  private checkHourlyVersion(entry: Entry, doc: LiveDocument): void {
    const { history, log } = this.options;
    if (!history || entry.versionCheck || Date.now() < entry.nextVersionCheckAt) return;
    // Started a turn later, after this turn's relay (LiveDocument.onLocalChange):
    // `busy` builds its queries synchronously, and people should not wait for
    // bookkeeping to see a change.
    entry.versionCheck = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => history.busy(entry.mapId, () => encodeBoardState(doc.doc)))
      .then(
        (nextCheckAt) => {
          entry.nextVersionCheckAt = nextCheckAt;
        },
        (error: unknown) => {
          entry.nextVersionCheckAt = Date.now() + VERSION_RETRY_MS;
          log.error({ err: error, mapId: entry.mapId }, 'checking for an hourly version failed');
        },
      )
      .finally(() => {
        entry.versionCheck = null;
      });
  }

  private forget(entry: Entry): void {
    if (this.entries.get(entry.mapId) === entry) this.entries.delete(entry.mapId);
  }

  private releaseIfIdle(entry: Entry): void {
    const doc = entry.doc;
    if (!doc || entry.dropped || entry.broken || entry.unloading || this.closing) return;
    if (doc.connections.size > 0 || entry.holds > 0) return;
    entry.unloading = this.unload(entry, doc)
      .catch((error: unknown) => {
        this.options.log.error({ err: error, mapId: entry.mapId }, 'unloading a board failed');
      })
      .finally(() => {
        entry.unloading = null;
      });
  }

  /**
   * Final flush + compaction, then free the memory. Someone may join while we
   * write (they get the same, still complete, document) and leave again
   * (their edits are written by the next round of the loop).
   */
  private async unload(entry: Entry, doc: LiveDocument): Promise<void> {
    const { relay } = this.options;
    for (;;) {
      // Scale-out: write what is still in the map's stream (ours and what
      // dead instances left) and stop following it.
      if (relay) await relay.leave(entry.mapId);
      // No deadline: while Postgres is away, the document (and its unwritten
      // edits) stays in memory and the writer keeps retrying.
      await doc.writer.settle();
      if (entry.dropped || this.closing) return;
      const inUse = () => doc.connections.size > 0 || entry.holds > 0;
      if (!inUse()) await this.versionOnLeave(entry, doc);
      if (!inUse()) await doc.activity?.flush();
      if (entry.dropped || this.closing) return;
      if (inUse()) {
        // Someone joined while we wrote: follow the other instances again.
        if (relay) doc.relay = await relay.join(entry.mapId, doc);
        return;
      }
      if (doc.writer.pendingCount === 0) break;
    }
    // Nothing may be awaited from the last look at `inUse` to here: a connection that
    // joined in between would stay attached to a destroyed document — open, sent
    // nothing, its edits never written (the activity feed's flush used to sit here).
    this.forget(entry);
    doc.destroy();
  }
}
