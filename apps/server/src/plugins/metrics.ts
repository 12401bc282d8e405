/**
 * Prometheus metrics (prom-client) at GET /metrics, for operators.
 *
 * Off unless METRICS_TOKEN is set: then /metrics answers only requests with
 * `Authorization: Bearer <METRICS_TOKEN>` (anything else: 401), and nothing
 * is counted otherwise — no route, no hooks, a sync sink that does nothing.
 *
 * What is exported (besides prom-client's process metrics: CPU, RSS, heap,
 * event-loop delay, GC):
 * - journeyboard_sync_connections{role}: open sync sockets by their role on
 *   the map (`pending` while access is resolved) — read at scrape time
 * - journeyboard_sync_documents: maps loaded in memory — read at scrape time
 * - journeyboard_sync_updates_received_total / _sent_total: board updates in
 *   from this instance's clients, update frames out to them (rate() = per second)
 * - journeyboard_sync_flush_lag_seconds: how long updates waited before
 *   reaching Postgres (a histogram per written batch, its oldest update)
 * - journeyboard_sync_compaction_seconds: folding a map's log into its snapshot
 * - journeyboard_sync_refusals_total{kind}: connections closed for breaking a
 *   presence or share-link limit, (`locked-item`) participant updates
 *   whose changes to locked items were undone and (`over-bounds`) updates
 *   whose text was cut to the board's bounds, (`read-only-write`) a
 *   read-only connection's changes dropped and refused to it (the sync server's
 *   RefusalCounter, read at scrape time)
 * - journeyboard_http_request_duration_seconds{method,route,status_code}:
 *   REST latency by route pattern (never the raw URL: it may hold a token)
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from '../errors/app-error.ts';
import { NO_SYNC_METRICS, type SyncMetrics } from '../sync/sync-metrics.ts';

export interface AppMetrics {
  /** What the sync server reports (sync/sync-metrics.ts). */
  readonly sync: SyncMetrics;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

const OFF: AppMetrics = { sync: NO_SYNC_METRICS };

export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const token = app.config.metricsToken;
    if (!token) {
      app.decorate('metrics', OFF);
      return;
    }
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    app.decorate('metrics', createMetrics(app, registry));

    const http = new Histogram({
      name: 'journeyboard_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', async (request, reply) => {
      http.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });

    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!bearsToken(request, token)) {
        throw new AppError(
          'UNAUTHENTICATED',
          'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.',
        );
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 'metrics', dependencies: ['config', 'errors'] },
);

function createMetrics(app: FastifyInstance, registry: Registry): AppMetrics {
  const registers = [registry];
  new Gauge({
    name: 'journeyboard_sync_connections',
    help: 'Open sync sockets by role on their map (pending: access not resolved yet)',
    labelNames: ['role'] as const,
    registers,
    collect() {
      this.reset();
      for (const [role, count] of app.sync.connectionsByRole()) this.set({ role }, count);
    },
  });
  new Gauge({
    name: 'journeyboard_sync_documents',
    help: 'Maps loaded in memory',
    registers,
    collect() {
      this.set(app.sync.documentCount);
    },
  });
  const received = new Counter({
    name: 'journeyboard_sync_updates_received_total',
    help: 'Board updates received from this instance’s clients',
    registers,
  });
  const sent = new Counter({
    name: 'journeyboard_sync_updates_sent_total',
    help: 'Update frames sent to this instance’s clients',
    registers,
  });
  const flushLag = new Histogram({
    name: 'journeyboard_sync_flush_lag_seconds',
    help: 'Age of the oldest update in each batch written to Postgres',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const compaction = new Histogram({
    name: 'journeyboard_sync_compaction_seconds',
    help: 'Time to fold a map’s update log into its snapshot',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  new Counter({
    name: 'journeyboard_sync_refusals_total',
    help: 'Sync refusals by kind: connections closed for breaking a presence or share-link limit; locked-item: changes to locked items undone; over-bounds: updates whose text was cut to the board’s bounds; read-only-write: a read-only connection’s changes refused',
    labelNames: ['kind'] as const,
    registers,
    collect() {
      this.reset();
      for (const [kind, count] of Object.entries(app.sync.refusals.snapshot())) {
        this.inc({ kind }, count);
      }
    },
  });
  return {
    sync: {
      updateReceived: () => received.inc(),
      updatesSent: (frames) => {
        if (frames > 0) sent.inc(frames);
      },
      flushed: (lagMs) => flushLag.observe(lagMs / 1000),
      compacted: (ms) => compaction.observe(ms / 1000),
    },
  };
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function bearsToken(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
