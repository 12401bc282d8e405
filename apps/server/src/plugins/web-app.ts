import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Cache-Control for a file of the built app, by its path inside dist/.
 * Only names that change with their content may be cached for good: Vite's
 * assets/ and workbox's runtime (`workbox-<hash>.js`). Everything else —
 * index.html, the service worker `sw.js` (a cached copy would keep browsers
 * on an old deploy's precache list), `registerSW.js`, a web manifest, the
 * favicon — must be revalidated on every use.
 */
export function cacheControlFor(pathInDist: string): string {
  const path = pathInDist.split(sep).join('/').replace(/^\/+/, '');
  if (path.startsWith('assets/')) return IMMUTABLE;
  if (/^workbox-[0-9a-f]{8,}\.js(\.map)?$/.test(path)) return IMMUTABLE;
  return REVALIDATE;
}

/**
 * Serves the built web app from the same origin as the API, so `pnpm start`
 * is one process on one port. Unknown non-API paths get index.html: the
 * client-side router decides what they show — except under assets/, where
 * a missing file is an older deploy's chunk: a 404 lets the page notice
 * (offline/app-update.ts asks for a reload) and keeps a service worker from
 * caching the app shell as a script.
 */
export const webAppPlugin = fp(
  async (app) => {
    const root = app.config.webDistDir;
    if (!root || !existsSync(root)) {
      app.log.warn('web app not built; run `pnpm build` to serve it from this server');
      return;
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      // Off, or `send` writes its own `public, max-age=0` over the header set below.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('Cache-Control', cacheControlFor(relative(root, filePath)));
      },
    });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (path.startsWith('/api/') || path.startsWith('/sync/')) {
        throw new AppError('NOT_FOUND', `No route for GET ${path}.`);
      }
      if (path.startsWith('/assets/')) {
        throw new AppError('NOT_FOUND', `No file at ${path}: this deploy doesn't have it.`);
      }
      return reply.header('Cache-Control', REVALIDATE).sendFile('index.html');
    });
  },
  { name: 'web-app', dependencies: ['config'] },
);
