import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.ts';

const SECRET = 'jbsh_S3cretT0ken';
const OPAQUE = 'S3cretT0kenWithoutPrefix';

describe('redactUrl', () => {
  it('keeps share and workshop tokens and query strings out of logs', () => {
    expect(redactUrl('/s/jbsh_secret')).toBe('/s/[redacted]');
    expect(redactUrl('/join/jbws_secret')).toBe('/join/[redacted]');
    expect(redactUrl('/sync/abc?token=jbsh_secret')).toBe('/sync/abc?[redacted]');
    expect(redactUrl('/api/maps/123')).toBe('/api/maps/123');
    expect(redactUrl('/signup?invite=jbin_secret')).toBe('/signup?[redacted]');
  });

  it.each([
    `/S/${OPAQUE}`,
    `/JOIN/${OPAQUE}`,
    `//s/${OPAQUE}`,
    `///join//${OPAQUE}`,
    `/s%2F${OPAQUE}`,
    `/s%2f${OPAQUE}`,
    `%2Fs%2F${OPAQUE}`,
    `/s%252F${OPAQUE}`,
    `/%73/${OPAQUE}`,
    `\\s\\${OPAQUE}`,
    `/x/../s/${OPAQUE}`,
    `/./join/${OPAQUE}/more`,
    `/s/${OPAQUE}%ZZ`,
  ])('normalises the path before redacting: %s', (url) => {
    const logged = redactUrl(url);
    expect(logged).not.toContain(OPAQUE);
    expect(logged).toMatch(/^\/(s|join)\/\[redacted\]/);
  });

  it('redacts a token of ours wherever in the path it appears', () => {
    expect(redactUrl(`/anything/${SECRET}`)).toBe('/anything/[redacted]');
    expect(redactUrl(`/a/b%2F${SECRET.toUpperCase()}`)).toBe('/a/b/[redacted]');
  });

  it('leaves ordinary paths readable', () => {
    expect(redactUrl('/api/maps/0b0e%2D1')).toBe('/api/maps/0b0e-1');
    expect(redactUrl('/assets/index-abc.js')).toBe('/assets/index-abc.js');
    expect(redactUrl('/')).toBe('/');
  });
});
