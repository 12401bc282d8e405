import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@journeyboard/db/paths';
import type { AppConfig } from './config.ts';
import { parseEnv } from './config.ts';

const DEFAULT_WEB_DIST = join(repoRoot(), 'apps', 'web', 'dist');

export type LoadedEnv = ReturnType<typeof parseEnv>;

/** The parts of the environment that don't depend on where the database is. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): LoadedEnv {
  return parseEnv(env);
}

export function toAppConfig(env: LoadedEnv, databaseUrl: string): AppConfig {
  const webDistDir = env.WEB_DIST_DIR ?? (existsSync(DEFAULT_WEB_DIST) ? DEFAULT_WEB_DIST : null);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl,
    logLevel: env.LOG_LEVEL,
    webDistDir,
    sync: {
      maxMessageBytes: env.SYNC_MAX_MESSAGE_BYTES,
      pingIntervalMs: env.SYNC_PING_INTERVAL_MS,
      flushIntervalMs: env.SYNC_FLUSH_INTERVAL_MS,
      compactAfterUpdates: env.SYNC_COMPACT_AFTER_UPDATES,
      compactMinIntervalMs: env.SYNC_COMPACT_MIN_INTERVAL_MS,
      presence: {
        maxStateBytes: env.SYNC_MAX_PRESENCE_BYTES,
        updatesPerSecond: env.SYNC_PRESENCE_UPDATES_PER_SECOND,
        updateBurst: 2 * env.SYNC_PRESENCE_UPDATES_PER_SECOND,
        maxConnectionsPerShareLink: env.SYNC_MAX_CONNECTIONS_PER_SHARE_LINK,
      },
    },
    auth: {
      rateLimitMax: env.AUTH_RATE_LIMIT_MAX,
      rateLimitWindowMs: env.AUTH_RATE_LIMIT_WINDOW_MS,
      workshopJoinRateLimitMax: env.WORKSHOP_JOIN_RATE_LIMIT_MAX,
      allowedOrigins: env.ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
      publicUrl: env.PUBLIC_URL ?? null,
      trustProxy: env.TRUST_PROXY,
    },
    redis: env.REDIS_URL
      ? {
          url: env.REDIS_URL,
          keyPrefix: env.REDIS_KEY_PREFIX,
          instanceTimeoutMs: env.REDIS_INSTANCE_TIMEOUT_MS,
          idleMapTtlMs: env.REDIS_IDLE_MAP_TTL_MS,
        }
      : null,
    cleanupIntervalMs: env.CLEANUP_INTERVAL_MS,
    voteRoundSweepIntervalMs: env.VOTE_ROUND_SWEEP_INTERVAL_MS,
    role: env.ROLE,
    metricsToken: env.METRICS_TOKEN ?? null,
  };
}
