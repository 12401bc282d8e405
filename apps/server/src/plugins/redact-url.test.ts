import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.ts';

describe('redactUrl', () => {
  it('keeps share and workshop tokens and query strings out of logs', () => {
    expect(redactUrl('/s/jbsh_secret')).toBe('/s/[redacted]');
    expect(redactUrl('/join/jbws_secret')).toBe('/join/[redacted]');
    expect(redactUrl('/sync/abc?token=jbsh_secret')).toBe('/sync/abc?[redacted]');
    expect(redactUrl('/api/maps/123')).toBe('/api/maps/123');
    expect(redactUrl('/signup?invite=jbin_secret')).toBe('/signup?[redacted]');
  });
});
