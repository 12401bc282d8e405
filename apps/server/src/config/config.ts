import { z } from 'zod';

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
  SYNC_PING_INTERVAL_MS: ZPositiveInt.default(30_000),
  SYNC_FLUSH_INTERVAL_MS: ZPositiveInt.default(200),
  SYNC_COMPACT_AFTER_UPDATES: ZPositiveInt.default(500),
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
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  webDistDir: string | null;
  sync: SyncConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError that names each bad variable. */
export function parseEnv(env: NodeJS.ProcessEnv): z.infer<typeof ZEnv> {
  const result = ZEnv.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
