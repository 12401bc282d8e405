import { ZHealthResponse } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness, database and (with several instances) Redis reachability',
        response: { 200: ZHealthResponse, 503: ZHealthResponse },
      },
    },
    async (_request, reply) => {
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
    },
  );
};
