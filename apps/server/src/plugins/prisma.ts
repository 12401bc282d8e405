import { createPrismaClient, type PrismaClient } from '@journeyboard/db';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient;
  }
}

export const prismaPlugin = fp(
  async (app) => {
    const prisma = createPrismaClient(app.config.databaseUrl);
    app.decorate('prisma', prisma);
    // Runs after the sync plugin's onClose (hooks run in reverse order), so the
    // last board updates are flushed before the pool goes away.
    app.addHook('onClose', async () => {
      await prisma.$disconnect();
    });
  },
  { name: 'prisma', dependencies: ['config'] },
);
