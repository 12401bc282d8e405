import { inject } from 'vitest';
import type { AppConfig, AuthConfig, SyncConfig } from '../../src/config/config.ts';

/** Generous limits: a test file signs up dozens of accounts from one address. */
export const TEST_AUTH_CONFIG: AuthConfig = {
  rateLimitMax: 10_000,
  rateLimitWindowMs: 60_000,
  workshopJoinRateLimitMax: 10_000,
  allowedOrigins: [],
  publicUrl: null,
  trustProxy: false,
};

/**
 * A config for tests: the run's database, quiet logs, no web app, fast sync
 * timers. No vote-round sweep (voteRoundSweepIntervalMs unset): the test
 * files share one database, and another file's app would reveal a round on
 * its own event bus, where this file's streams never hear of it.
 */
export function testConfig(
  overrides: { sync?: Partial<SyncConfig>; auth?: Partial<AuthConfig> } = {},
): AppConfig {
  return {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    databaseUrl: inject('databaseUrl'),
    logLevel: 'silent',
    webDistDir: null,
    sync: {
      maxMessageBytes: 1024 * 1024,
      pingIntervalMs: 30_000,
      flushIntervalMs: 50,
      compactAfterUpdates: 500,
      ...overrides.sync,
    },
    auth: { ...TEST_AUTH_CONFIG, ...overrides.auth },
  };
}
