import { describe, expect, it } from 'vitest';
import { servesAppShell } from './navigation-fallback.ts';

describe('servesAppShell', () => {
  it('answers the app’s own routes with the cached index.html', () => {
    for (const path of [
      '/',
      '/maps/abc123',
      '/s/jbsh_token',
      '/join/jbws_token',
      '/signin?next=%2Fmaps%2Fabc',
      '/workspaces/w1/members',
      '/mentions',
      '/apis-and-more', // only the /api segment itself is the server's
      '/synchronise',
    ]) {
      expect(servesAppShell(path), path).toBe(true);
    }
  });

  it('leaves the server’s endpoints to the network', () => {
    for (const path of [
      '/api',
      '/api/me',
      '/api/openapi.json',
      '/api?x=1',
      '/sync',
      '/sync/abc123',
      '/sync?x',
      '/sw.js',
      '/workbox-d8ed3718.js',
    ]) {
      expect(servesAppShell(path), path).toBe(false);
    }
  });
});
