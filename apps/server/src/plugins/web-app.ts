import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';

/**
 * Serves the built web app from the same origin as the API, so `pnpm start`
 * is one process on one port. Unknown non-API paths get index.html: the
 * client-side router decides what they show.
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
      setHeaders: (res, filePath) => {
        // Vite fingerprints everything under assets/; index.html must revalidate.
        res.setHeader(
          'Cache-Control',
          filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/sync/')) {
        throw new AppError('NOT_FOUND', `No route for GET ${request.url.split('?')[0]}.`);
      }
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web-app', dependencies: ['config'] },
);
