import { routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../policy/policy.ts';
import { listMentions } from '../../services/comments/list-mentions.ts';
import { markMentionsRead } from '../../services/comments/mark-mentions-read.ts';
import { registerRoute } from '../register-route.ts';

/** The signed-in account's inbox of @mentions. */
export const mentionRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.comments.mentions, async (request) =>
    listMentions(app.prisma, requireUser(await request.getActor()).id),
  );

  registerRoute(app, routes.comments.markMentionsRead, async (request, reply) => {
    const user = requireUser(await request.getActor());
    await markMentionsRead(app.prisma, user.id, request.body);
    return reply.status(204).send(null);
  });
};
