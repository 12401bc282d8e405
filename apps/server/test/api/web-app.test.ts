// The built web app, served by the API's own server: client routes get the app shell, a
// file of the build is served as itself, and a build file that isn't there is a 404 — not
// the app shell, which a browser would refuse as a script (and a service worker would cache).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../helpers/test-config.ts';
import { useTestApp } from '../helpers/test-app.ts';

const dist = mkdtempSync(join(tmpdir(), 'jb-web-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'board-page-D1a2b3c4.js'), 'export {};');

const app = useTestApp({ ...testConfig(), webDistDir: dist });

describe('the web app', () => {
  it('answers a client route with the app shell, and a build file with itself', async () => {
    const route = await app().inject({ url: '/maps/0b7c6c1e-5b1e-4f7e-9a44-2f5f1d3c9a10' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toMatch(/^text\/html/);

    const file = await app().inject({ url: '/assets/board-page-D1a2b3c4.js' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/javascript/);
  });

  it('answers a build file that is not there (an older deploy’s) with a 404, not the app shell', async () => {
    const gone = await app().inject({ url: '/assets/board-page-Old00000.js' });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toMatch(/^application\/json/);
    expect(gone.json<{ error: { message: string } }>().error.message).toMatch(
      /No file at \/assets\/board-page-Old00000\.js/,
    );
  });
});
