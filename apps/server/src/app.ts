import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppConfig } from './config/config.ts';
import { configPlugin } from './plugins/config.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { prismaPlugin } from './plugins/prisma.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import { healthRoutes } from './routes/health.ts';
import { mapRoutes } from './routes/maps.ts';
import { syncPlugin, type SyncPluginOptions } from './sync/sync-plugin.ts';

export interface BuildAppOptions {
  /** Test seams for the sync server (e.g. access overrides). */
  sync?: SyncPluginOptions;
}

/**
 * Builds the whole server without listening, so tests drive it through
 * `app.inject()` or `listen({ port: 0 })`. Plugins (config, prisma, errors,
 * sync) are registered before the routes that use them.
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
            redact: ['req.headers.cookie', 'req.headers.authorization'],
            // People read a terminal; log collectors read JSON.
            ...(process.stdout.isTTY && config.env !== 'test'
              ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
              : {}),
          },
    bodyLimit: 1024 * 1024,
    // Shutdown closes idle keep-alive sockets instead of waiting for them.
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(configPlugin, { config });
  await app.register(errorsPlugin);
  await app.register(prismaPlugin);
  await app.register(openapiPlugin);
  await app.register(syncPlugin, options.sync ?? {});

  await app.register(healthRoutes);
  await app.register(mapRoutes);
  await app.register(webAppPlugin);

  return app;
}
