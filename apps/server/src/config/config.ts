import { z } from 'zod';
import type { PresenceLimits } from '../sync/presence-limits.ts';

/** What one server process serves; see ZEnv.ROLE and docs/architecture.md. */
export const SERVER_ROLES = ['all', 'sync', 'api'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

const ZPort = z.coerce.number().int().min(0).max(65_535);
const ZPositiveInt = z.coerce.number().int().positive();

/**
 * Every setting the server reads from the environment, validated at start.
 * A bad value stops the server with a message naming the variable.
 */
export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: ZPort.default(3000),
  /** Unset: the server starts its own embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Built web app to serve; unset → apps/web/dist when it exists. */
  WEB_DIST_DIR: z.string().min(1).optional(),
  SYNC_MAX_MESSAGE_BYTES: ZPositiveInt.default(4 * 1024 * 1024),
  /** At most 30 s: a keep-alive goes out twice per interval, and clients hang up after 30 s of silence. */
  SYNC_PING_INTERVAL_MS: ZPositiveInt.max(
    30_000,
    'must be at most 30000: sync clients hang up after 30 s without a message',
  ).default(30_000),
  SYNC_FLUSH_INTERVAL_MS: ZPositiveInt.default(200),
  SYNC_COMPACT_AFTER_UPDATES: ZPositiveInt.default(500),
  SYNC_COMPACT_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  /** Largest presence state one client may publish (sync/presence-limits.ts). */
  SYNC_MAX_PRESENCE_BYTES: ZPositiveInt.default(4 * 1024),
  /** Presence updates per second per connection (bursts of twice as many). */
  SYNC_PRESENCE_UPDATES_PER_SECOND: ZPositiveInt.default(40),
  /** How often expired sessions, invitations and links are deleted; 0: never. */
  CLEANUP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(60 * 60 * 1000),
  /**
   * How often this instance looks for vote rounds past their time limit that
   * no timer here will end (started elsewhere, or before a restart); 0: never.
   */
  VOTE_ROUND_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(2_000),
  /** Open sync connections per read-only share link, per server instance. */
  SYNC_MAX_CONNECTIONS_PER_SHARE_LINK: ZPositiveInt.default(100),
  /** Sign-ups and sign-ins per client IP per window (password guessing). */
  AUTH_RATE_LIMIT_MAX: ZPositiveInt.default(10),
  AUTH_RATE_LIMIT_WINDOW_MS: ZPositiveInt.default(60_000),
  /**
   * Workshop joins per client IP per window. A room of fifty behind one
   * office address joins within a minute, and a workshop link's token can't
   * be guessed, so this only stops floods.
   */
  WORKSHOP_JOIN_RATE_LIMIT_MAX: ZPositiveInt.default(100),
  /** Extra origins (comma-separated) allowed to open the sync socket and send API writes. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: 'each entry must be an origin like https://maps.example.com' }))),
  /** The address people use (links in share/invite URLs, Secure cookies); default: from the request. */
  PUBLIC_URL: z.url({ error: 'must be a URL like https://maps.example.com' }).optional(),
  /** Trust X-Forwarded-* from a reverse proxy (https detection, client IPs for rate limits). */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Set: several server instances share maps through this Redis (see docs/architecture.md). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// connection URL')
    .optional(),
  /** Prefix of every Redis key and channel, so deployments can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only')
    .default('journeyboard'),
  /** An instance not heard from for this long is taken for dead: its people's presence goes. */
  REDIS_INSTANCE_TIMEOUT_MS: z.coerce.number().int().min(300).default(3_000),
  /** A map's Redis keys are removed once no instance has had it open for this long. */
  REDIS_IDLE_MAP_TTL_MS: z.coerce.number().int().min(1_000).default(600_000),
  /**
   * What this instance serves (`--role` on the command line wins): `all` the
   * REST API, the web app and the sync sockets; `sync` only the sync sockets
   * (plus /api/health and /metrics); `api` everything but the sync sockets.
   * Split roles share maps through Redis, so they need REDIS_URL.
   */
  ROLE: z.enum(SERVER_ROLES).default('all'),
  /** Set: Prometheus metrics at /metrics for requests bearing `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (it is the only thing guarding /metrics)')
    .optional(),
});

export interface SyncConfig {
  /** Frames larger than this close the connection (WebSocket code 1009). */
  maxMessageBytes: number;
  /** A connection that misses one ping interval's pong is terminated. */
  pingIntervalMs: number;
  /** Received updates are written to Postgres at most this long after arrival. */
  flushIntervalMs: number;
  /** Fold the update log into the snapshot once it has this many rows. */
  compactAfterUpdates: number;
  /**
   * …but at most this often per busy map (each compaction re-reads and
   * re-merges the whole board). Default 30 s; see update-writer.ts.
   */
  compactMinIntervalMs?: number;
  /** Presence limits (sync/presence-limits.ts); unset fields take the defaults there. */
  presence?: Partial<PresenceLimits>;
}

/** Scale-out: instances relay updates and presence through Redis (sync/redis-relay.ts). */
export interface RedisConfig {
  url: string;
  /** Prefix of every key and channel. */
  keyPrefix: string;
  /** Heartbeats: an instance quiet this long is gone (default 3 s). */
  instanceTimeoutMs?: number;
  /** Per-map keys go after the map was loaded nowhere for this long (default 10 min). */
  idleMapTtlMs?: number;
}

export interface AuthConfig {
  /** Sign-ups and sign-ins per address per window. */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /** Workshop joins per address per window (a room behind one address). */
  workshopJoinRateLimitMax: number;
  /** Origins besides the server's own host allowed for sockets and API writes. */
  allowedOrigins: readonly string[];
  publicUrl: string | null;
  trustProxy: boolean;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  webDistDir: string | null;
  sync: SyncConfig;
  /** Accounts and sharing: rate limits, allowed origins, public URL. */
  auth: AuthConfig;
  /** Unset/null: a single server process, no Redis. */
  redis?: RedisConfig | null;
  /** How often expired sessions, invitations and links are deleted (plugins/cleanup.ts); 0/unset: never. */
  cleanupIntervalMs?: number;
  /** How often rounds past their time limit are looked for (plugins/vote-round-deadlines.ts); 0/unset: never. */
  voteRoundSweepIntervalMs?: number;
  /** What this instance serves; unset: `all`. */
  role?: ServerRole;
  /** Set: Prometheus metrics at /metrics for this bearer token; unset/null: no /metrics, nothing counted. */
  metricsToken?: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError that names each bad variable. */
export function parseEnv(env: NodeJS.ProcessEnv): z.infer<typeof ZEnv> {
  const result = ZEnv.superRefine((parsed, context) => {
    if (parsed.ROLE !== 'all' && !parsed.REDIS_URL) {
      context.addIssue({
        code: 'custom',
        path: ['ROLE'],
        message: `'${parsed.ROLE}' serves only part of the app; set REDIS_URL so the sync and API instances share maps (or use ROLE=all)`,
      });
    }
  }).safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
