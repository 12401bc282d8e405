import {
  ZErrorResponse,
  ZListMentionsResponse,
  ZMarkMentionsReadRequest,
} from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../policy/policy.ts';
import { listMentions } from '../../services/comments/list-mentions.ts';
import { markMentionsRead } from '../../services/comments/mark-mentions-read.ts';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse };

/** The signed-in account's inbox of @mentions. */
export const mentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me/mentions',
    {
      schema: {
        summary: 'Where you were @mentioned (latest 50) and how many are unread',
        response: { 200: ZListMentionsResponse, ...errors },
      },
    },
    async (request) => listMentions(app.prisma, requireUser(await request.getActor()).id),
  );

  app.post(
    '/api/me/mentions/read',
    {
      schema: {
        summary: "Mark mentions read (these comments' or all)",
        body: ZMarkMentionsReadRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(await request.getActor());
      await markMentionsRead(app.prisma, user.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
