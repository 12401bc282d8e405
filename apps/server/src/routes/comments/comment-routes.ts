import { routes, type TCommentEvent } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorizeChild, authorizeMap, can, requireUser } from '../../policy/policy.ts';
import { COMMENT_READERS } from '../../services/map-events/map-event-bus.ts';
import { createComment } from '../../services/comments/create-comment.ts';
import { createCommentThread } from '../../services/comments/create-comment-thread.ts';
import { deleteComment } from '../../services/comments/delete-comment.ts';
import { listCommentThreads } from '../../services/comments/list-comment-threads.ts';
import { updateComment } from '../../services/comments/update-comment.ts';
import { updateCommentThread } from '../../services/comments/update-comment-thread.ts';
import { registerRoute } from '../register-route.ts';

type TCommentChange = Exclude<TCommentEvent, { type: 'ready' }>;

/**
 * Comment threads on a map. Every change is published on the map's event
 * bus, so the map's event streams (map-events-route.ts, on every instance)
 * show it at once to everyone who may read comments.
 */
export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  const publish = (mapId: string, event: TCommentChange) =>
    app.mapEvents.publish(mapId, event, COMMENT_READERS);

  /** A comment, the caller's access to its map, and who they are (only accounts write). */
  async function authorizeComment(actor: Actor, commentId: string) {
    const { child, access } = await authorizeChild(
      app.prisma,
      actor,
      'comment',
      commentId,
      'comment.write',
    );
    return { comment: child, access, user: requireUser(actor) };
  }

  registerRoute(app, routes.comments.list, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'comment.read');
    return { threads: await listCommentThreads(app.prisma, map.id, request.query.status) };
  });

  registerRoute(app, routes.comments.start, async (request, reply) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'comment.write');
    const thread = await createCommentThread(app.prisma, map, requireUser(actor), request.body);
    publish(map.id, { type: 'thread', thread });
    return reply.status(201).send(thread);
  });

  registerRoute(app, routes.comments.reply, async (request, reply) => {
    const actor = await request.getActor();
    const { child, access } = await authorizeChild(
      app.prisma,
      actor,
      'thread',
      request.params.id,
      'comment.write',
    );
    const { map } = access;
    const thread = await createComment(
      app.prisma,
      { id: child.id, workspaceId: map.workspaceId },
      requireUser(actor),
      request.body,
    );
    publish(map.id, { type: 'thread', thread });
    return reply.status(201).send(thread);
  });

  registerRoute(app, routes.comments.updateThread, async (request) => {
    const actor = await request.getActor();
    const { child, access } = await authorizeChild(
      app.prisma,
      actor,
      'thread',
      request.params.id,
      'comment.write',
    );
    const { map } = access;
    const thread = await updateCommentThread(
      app.prisma,
      child.id,
      requireUser(actor),
      request.body,
    );
    publish(map.id, { type: 'thread', thread });
    return thread;
  });

  registerRoute(app, routes.comments.edit, async (request) => {
    const { comment, access, user } = await authorizeComment(
      await request.getActor(),
      request.params.id,
    );
    if (comment.authorId !== user.id) throw new AppError('NOT_COMMENT_AUTHOR');
    const thread = await updateComment(
      app.prisma,
      { ...comment, workspaceId: access.map.workspaceId },
      request.body,
    );
    publish(access.map.id, { type: 'thread', thread });
    return thread;
  });

  registerRoute(app, routes.comments.remove, async (request, reply) => {
    const { comment, access, user } = await authorizeComment(
      await request.getActor(),
      request.params.id,
    );
    if (comment.authorId !== user.id && !can(access, 'comment.moderate')) {
      throw new AppError('NOT_COMMENT_AUTHOR');
    }
    const result = await deleteComment(app.prisma, comment);
    publish(
      access.map.id,
      result.kind === 'thread'
        ? { type: 'thread', thread: result.thread }
        : { type: 'thread-deleted', threadId: comment.threadId },
    );
    return reply.status(204).send(null);
  });
};
