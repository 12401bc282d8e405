/**
 * Real-time board sync: the server side of the y-websocket protocol, built on
 * y-protocols. The stock client works unchanged:
 *
 *   new WebsocketProvider('wss://host/sync', mapId, doc)   → GET /sync/<mapId> (upgrade)
 *
 * Message flow of one connection
 * ──────────────────────────────
 *  1. Upgrade, on the HTTP server's 'upgrade' event (no Fastify route: it
 *     would keep the request alive per socket). `ws` enforces `maxPayload`
 *     (= SYNC_MAX_MESSAGE_BYTES; larger frames close THAT socket with 1009).
 *     The socket is wrapped in a Connection synchronously, so the frames the
 *     client sends on open (sync step 1, its awareness) are queued, not lost.
 *                                            sync-upgrades.ts, connection.ts
 *  2. Access. `resolveAccess(mapId, request)` authenticates the upgrade
 *     (session/guest cookie or token subprotocol, Origin check) and asks
 *     the policy: join or close (4404 "map not found" for unknown maps,
 *     non-UUID ids and maps the actor can't see alike), its capabilities, and the
 *     identity stamped into the connection's presence. A share link already
 *     at its connection limit is refused (4429). The first message the client
 *     gets is its capabilities (and presence colour).
 *                                   access.ts, sync-server.ts, presence-limits.ts
 *  3. Document. The registry hands back the map's live document, loading it
 *     first — snapshot + logged updates — with one shared load for concurrent
 *     joiners.                                document-registry.ts, persistence.ts
 *  4. Sync. The server sends its sync step 1 and the current awareness
 *     states, then handles the queued frames in order: the client's step 1 is
 *     answered (step 2) only now, from the fully loaded document, so a client
 *     never sees an empty board flash before the content.      live-document.ts
 *  5. Editing. Updates from writers are applied to the Y.Doc; the doc's
 *     'update' event queues them for every other connection (one merged
 *     frame per event-loop turn, update-outbox.ts) and buffers them for
 *     Postgres (one INSERT per flushIntervalMs). Updates and step 2
 *     from read-only connections are dropped (no `board.edit`). Awareness
 *     updates pass the presence limits (state size 4413, rate 1008) and the
 *     awareness rules (a connection speaks only for the client id it first
 *     announced; the server stamps the identity into `user`); the server
 *     relays them in 50 ms batches per map.
 *                   update-writer.ts, read-only.ts, presence-limits.ts, awareness-rules.ts
 *  6. Leaving. The connection's presence is removed for everyone else. When
 *     the last connection leaves, the document is flushed, compacted (log
 *     folded into the snapshot, under an advisory lock) and unloaded.
 *
 * Malformed frames close only the sending connection (1007); a client that
 * reads too slowly (8 MiB unsent) is closed with 1013 and resyncs on
 * reconnect; a peer that misses a pong for one ping interval is terminated.
 * Deleting a map (`app.sync.closeDocument`) or a write failing because the
 * map is gone closes its sockets with 4410; ending access (`app.sync.revoke`:
 * a revoked link, sign-out, a removed member) closes the affected sockets with
 * 4403, or 4000 to reconnect with a changed role. The client stops
 * reconnecting on 44xx only.
 *
 * Shutdown (preClose, before Prisma disconnects in onClose): refuse new
 * sockets, close every socket with 1001 "server shutting down", then flush
 * and compact every document, so nothing received is lost. A server killed
 * outright loses at most the updates of the last flush interval.
 *
 * Several instances (REDIS_URL): step 5 changes — updates from this
 * instance's clients go to the map's Redis Stream instead of the writer;
 * every instance applies the others' entries, and each entry is written to
 * Postgres by one of them. Presence, revocations and document closes go over
 * pub/sub.                                     redis-relay.ts, redis-persister.ts
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { resolveAccess as defaultResolveAccess, type ResolveAccess } from './access.ts';
import { defaultAwarenessRules, type AwarenessRule } from './awareness-rules.ts';
import { createPrismaPersistence, type BoardPersistence } from './persistence.ts';
import type { HistoryHooks } from './history-hooks.ts';
import type { ActivitySink } from './activity-recorder.ts';
import { createPostgresActivitySink } from './activity-store.ts';
import { RedisRelay } from './redis-relay.ts';
import { createAutoVersions } from '../services/history/auto-versions.ts';
import { HISTORY_READERS } from '../services/map-events/map-event-bus.ts';
import { announcesActivity } from './activity-announcer.ts';
import { inlineBoardWork } from './board-work.ts';
import { createBoardWorkerPool, type BoardWorkerPool } from './board-worker-pool.ts';
import { MIN_COMPACTION_INTERVAL_MS } from './update-writer.ts';
import type { SyncMetrics } from './sync-metrics.ts';
import { SyncService, type SyncServer } from './sync-server.ts';
import { SyncUpgrades } from './sync-upgrades.ts';

export type { SyncServer } from './sync-server.ts';

declare module 'fastify' {
  interface FastifyInstance {
    sync: SyncServer;
  }
}

export interface SyncPluginOptions {
  /** Who may join and write; default: the policy's answer for the upgrade's credentials (access.ts). */
  resolveAccess?: ResolveAccess;
  /** Awareness rules, applied in order; default: bind the first client id, stamp the identity. */
  awarenessRules?: readonly AwarenessRule[];
  /** Storage; default: Postgres through app.prisma. */
  persistence?: BoardPersistence;
  /** Unsent bytes above which a slow client is closed with 1013. Default 8 MiB. */
  maxBufferedBytes?: number;
  /** How long shutdown keeps retrying Postgres for unwritten updates. Default 5 s. */
  shutdownTimeoutMs?: number;
  /**
   * false: no sync sockets on this instance (ROLE=api); it still loads and
   * writes documents for the REST routes. Default true.
   */
  acceptSockets?: boolean;
  /** Automatic versions; default: services/history/auto-versions.ts over app.prisma; null: none. */
  history?: HistoryHooks | null;
  /** The activity feed's storage; default: `board_activity` through app.prisma; null: none. */
  activity?: ActivitySink | null;
}

export const syncPlugin = fp<SyncPluginOptions>(
  async (app: FastifyInstance, options) => {
    const log = app.log.child({ component: 'sync' });
    const metrics = app.metrics.sync;
    // Compaction merges and version summaries run on a worker thread (board-worker-pool.ts).
    let worker: BoardWorkerPool | null = null;
    let persistence = options.persistence;
    if (!persistence) {
      worker = createBoardWorkerPool();
      persistence = warmsWorkerOnLoad(createPrismaPersistence(app.prisma, worker.merge), worker);
    }
    const boardWork = worker ?? inlineBoardWork;
    persistence = timesCompactions(persistence, metrics);
    const { redis } = app.config;
    // Scale-out (docs/architecture.md): instances share maps through Redis.
    const relay = redis
      ? new RedisRelay({
          url: redis.url,
          keyPrefix: redis.keyPrefix,
          persistence,
          flushIntervalMs: app.config.sync.flushIntervalMs,
          compactAfterUpdates: app.config.sync.compactAfterUpdates,
          compactMinIntervalMs: app.config.sync.compactMinIntervalMs ?? MIN_COMPACTION_INTERVAL_MS,
          instanceTimeoutMs: redis.instanceTimeoutMs,
          idleMapTtlMs: redis.idleMapTtlMs,
          log,
        })
      : null;
    await relay?.start();
    const service = new SyncService({
      prisma: app.prisma,
      persistence,
      relay,
      config: app.config.sync,
      auth: app.config.auth,
      resolveAccess: options.resolveAccess ?? defaultResolveAccess,
      awarenessRules: options.awarenessRules ?? defaultAwarenessRules,
      maxBufferedBytes: options.maxBufferedBytes ?? 8 * 1024 * 1024,
      log,
      history:
        options.history === undefined
          ? // app.mapEvents is registered after this plugin; it exists by the time a version is saved.
            createAutoVersions(
              app.prisma,
              (version) =>
                app.mapEvents.publish(
                  version.mapId,
                  { type: 'version-created', version },
                  HISTORY_READERS,
                ),
              boardWork,
            )
          : options.history,
      activity:
        options.activity === undefined
          ? announcesActivity(createPostgresActivitySink(app.prisma), (mapId, event) =>
              app.mapEvents.publish(mapId, event, HISTORY_READERS),
            )
          : options.activity,
      metrics,
      boardWork,
    });

    const upgrades = new SyncUpgrades({
      server: app.server,
      accept: options.acceptSockets ?? true,
      maxPayload: app.config.sync.maxMessageBytes,
      parseCookies: (header) => app.parseCookie(header),
      onSocket: (socket, request, mapId) => service.handleSocket(socket, request, mapId),
    });
    // Runs before the HTTP server closes and before Prisma disconnects (onClose).
    app.addHook('preClose', async () => {
      upgrades.refuse();
      await service.shutdown(options.shutdownTimeoutMs ?? 5_000);
      // After the final compactions, which still need it.
      await worker?.close();
      upgrades.close();
    });

    const facade: SyncServer = {
      closeDocument: (mapId, reason) => service.closeDocument(mapId, reason),
      flushAll: () => service.flushAll(),
      withBoard: (mapId, fn) => service.withBoard(mapId, fn),
      boardWork,
      revoke: (grant, revokeOptions) => service.revoke(grant, revokeOptions),
      onRevoke: (listener) => service.onRevoke(listener),
      isLoaded: (mapId) => service.isLoaded(mapId),
      readBoard: (mapId, read, readOptions) => service.readBoard(mapId, read, readOptions),
      refreshMapRules: (mapId) => service.refreshMapRules(mapId),
      locksInForce: (mapId) => service.locksInForce(mapId),
      get documentCount() {
        return service.documentCount;
      },
      get connectionCount() {
        return service.connectionCount;
      },
      refusals: service.refusals,
      get redisStatus() {
        return service.redisStatus;
      },
      connectionsByRole: () => service.connectionsByRole(),
    };
    app.decorate('sync', facade);
  },
  { name: 'sync', dependencies: ['config', 'prisma', 'metrics', 'auth'], fastify: '5.x' },
);

/** The worker thread starts while a board loads, not during its first compaction. */
function warmsWorkerOnLoad(
  persistence: BoardPersistence,
  worker: BoardWorkerPool,
): BoardPersistence {
  return {
    ...persistence,
    load: (mapId) => {
      worker.warm();
      return persistence.load(mapId);
    },
  };
}

/** Every compaction — the writer's, the Redis persister's, shutdown's — reports its duration. */
function timesCompactions(persistence: BoardPersistence, metrics: SyncMetrics): BoardPersistence {
  return {
    ...persistence,
    compact: async (mapId) => {
      const started = performance.now();
      const folded = await persistence.compact(mapId);
      metrics.compacted(performance.now() - started);
      return folded;
    },
  };
}
