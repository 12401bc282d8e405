import { describe, expect, it } from 'vitest';
import { cacheControlFor } from './web-app.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('cacheControlFor', () => {
  it('caches only content-hashed files for good', () => {
    expect(cacheControlFor('assets/index-CDs-EC-H.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('assets/board-page-D-jk_zSS.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('workbox-d8ed3718.js')).toBe(IMMUTABLE);
  });

  it('makes the browser revalidate the service worker and the app shell', () => {
    // A year-long sw.js would pin every browser to an old deploy's precache list.
    expect(cacheControlFor('sw.js')).toBe('no-cache');
    expect(cacheControlFor('sw.js.map')).toBe('no-cache');
    expect(cacheControlFor('registerSW.js')).toBe('no-cache');
    expect(cacheControlFor('manifest.webmanifest')).toBe('no-cache');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
  });

  it('does not take a look-alike for a hashed file', () => {
    expect(cacheControlFor('workbox-window.js')).toBe('no-cache');
    expect(cacheControlFor('nested/workbox-d8ed3718.js')).toBe('no-cache');
    expect(cacheControlFor('not-assets/x.js')).toBe('no-cache');
  });
});
