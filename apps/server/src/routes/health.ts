import { routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerRoute } from './register-route.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.health.get, async (_request, reply) => {
    try {
      await app.prisma.$queryRaw`SELECT 1`;
      return { status: 'ok' as const, db: 'up' as const };
    } catch {
      return reply.status(503).send({ status: 'degraded', db: 'down' });
    }
  });
};
