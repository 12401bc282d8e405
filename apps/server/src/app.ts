import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppConfig } from './config/config.ts';
import { authPlugin } from './plugins/auth.ts';
import { cleanupPlugin } from './plugins/cleanup.ts';
import { mapEventsPlugin } from './plugins/map-events.ts';
import { configPlugin } from './plugins/config.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { prismaPlugin } from './plugins/prisma.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import { redactUrl } from './plugins/redact-url.ts';
import { clientErrorHandler, frameworkErrors } from './errors/early-errors.ts';
import { authRoutes } from './routes/auth.ts';
import { commentsPlugin } from './routes/comments/index.ts';
import { mapEventsRoute, type MapEventsOptions } from './routes/map-events-route.ts';
import { timerRoutes } from './routes/workshop/timer-routes.ts';
import { votingRoutes } from './routes/workshop/voting-routes.ts';
import { lockRoutes } from './routes/workshop/lock-routes.ts';
import { facilitationRoutes } from './routes/workshop/facilitation-routes.ts';
import { handRoutes } from './routes/workshop/hand-routes.ts';
import { ratingRoutes } from './routes/workshop/rating-routes.ts';
import { privateModeRoutes } from './routes/workshop/private-mode-routes.ts';
import { voteRoundDeadlinesPlugin } from './plugins/vote-round-deadlines.ts';
import { personaRoutes } from './routes/personas/persona-routes.ts';
import { healthRoutes } from './routes/health.ts';
import { historyRoutes } from './routes/history.ts';
import { mapRoutes } from './routes/maps.ts';
import { lifecycleRoutes } from './routes/lifecycle.ts';
import { sharingRoutes } from './routes/sharing.ts';
import { workspaceRoutes } from './routes/workspaces.ts';
import { syncPlugin, type SyncPluginOptions } from './sync/sync-plugin.ts';

export interface BuildAppOptions {
  /** Test seams for the sync server (e.g. access overrides). */
  sync?: SyncPluginOptions;
  /** Test seams for the map event streams (heartbeat). */
  events?: MapEventsOptions;
  /** Called for every route registered (the authorisation matrix test lists them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/**
 * Builds the whole server without listening, so tests drive it through
 * `app.inject()` or `listen({ port: 0 })`. Plugins (config, prisma, errors,
 * sync) are registered before the routes that use them. `config.role` picks
 * what this instance serves (config.ts, `ROLE`): a `sync` instance has no
 * REST routes and no web app, so its process holds only what sockets need.
 */
export async function buildApp(
  config: AppConfig,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'req.headers["sec-websocket-protocol"]',
            ],
            // Share and workshop links carry their token in the page path.
            serializers: {
              req: (request: { method: string; url: string; ip?: string }) => ({
                method: request.method,
                url: redactUrl(request.url),
                remoteAddress: request.ip,
              }),
            },
            // People read a terminal; log collectors read JSON.
            ...(process.stdout.isTTY && config.env !== 'test'
              ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
              : {}),
          },
    bodyLimit: 1024 * 1024,
    // Errors before routing answer through the catalogue too.
    frameworkErrors,
    clientErrorHandler,
    trustProxy: config.auth.trustProxy,
    // Shutdown closes idle keep-alive sockets instead of waiting for them.
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const role = config.role ?? 'all';
  await app.register(configPlugin, { config });
  await app.register(errorsPlugin);
  await app.register(metricsPlugin);
  await app.register(prismaPlugin);
  await app.register(authPlugin);
  await app.register(openapiPlugin);
  // An API instance still holds documents (restore, imports, locks write to
  // the live board) but accepts no sockets: its changes reach the sync
  // instances' people through Redis, like any other instance's.
  await app.register(syncPlugin, { ...options.sync, acceptSockets: role !== 'api' });
  // The bus is needed by every role: a sync instance publishes automatic versions on it.
  await app.register(mapEventsPlugin);
  await app.register(healthRoutes);
  if (role === 'sync') return app;

  await app.register(cleanupPlugin);
  await app.register(voteRoundDeadlinesPlugin);
  await app.register(authRoutes);
  await app.register(workspaceRoutes);
  await app.register(mapRoutes);
  await app.register(lifecycleRoutes);
  await app.register(sharingRoutes);
  await app.register(personaRoutes);
  await app.register(commentsPlugin);
  await app.register(mapEventsRoute(options.events));
  await app.register(timerRoutes);
  await app.register(votingRoutes);
  await app.register(historyRoutes);
  await app.register(lockRoutes);
  await app.register(facilitationRoutes);
  await app.register(ratingRoutes);
  await app.register(handRoutes);
  await app.register(privateModeRoutes);
  await app.register(webAppPlugin);

  return app;
}
