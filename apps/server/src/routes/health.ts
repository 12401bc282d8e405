import { routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerRoute } from './register-route.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.health.get, async (_request, reply) => {
    const redisStatus = app.sync.redisStatus;
    const redis = redisStatus === null ? {} : { redis: redisStatus };
    try {
      await app.prisma.$queryRaw`SELECT 1`;
    } catch {
      return reply.status(503).send({ status: 'degraded', db: 'down', ...redis });
    }
    // Redis down: still 200 — this instance keeps serving its own clients.
    const status = redisStatus === 'down' ? ('degraded' as const) : ('ok' as const);
    return { status, db: 'up' as const, ...redis };
  });
};
