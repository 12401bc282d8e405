import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './config.ts';

describe('parseEnv', () => {
  it('fills defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SYNC_FLUSH_INTERVAL_MS).toBe(200);
  });

  it('stops with a message naming every bad variable', () => {
    const attempt = () =>
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain(
        'DATABASE_URL: must be a postgres:// or postgresql:// connection URL',
      );
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('refuses a ping interval longer than clients wait in silence', () => {
    expect(parseEnv({ SYNC_PING_INTERVAL_MS: '30000' }).SYNC_PING_INTERVAL_MS).toBe(30_000);
    expect(() => parseEnv({ SYNC_PING_INTERVAL_MS: '60000' })).toThrow(
      'SYNC_PING_INTERVAL_MS: must be at most 30000: sync clients hang up after 30 s without a message',
    );
  });
});
