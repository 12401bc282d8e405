import { inject } from 'vitest';
import type { AppConfig, SyncConfig } from '../../src/config/config.ts';

/** A config for tests: the run's database, quiet logs, no web app, fast sync timers. */
export function testConfig(overrides: { sync?: Partial<SyncConfig> } = {}): AppConfig {
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
  };
}
