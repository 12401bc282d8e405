import type { FastifyPluginAsync } from 'fastify';
import { createCommentEventBus } from '../../services/comments/events/create-comment-event-bus.ts';
import { commentEventsRoute } from './comment-events-route.ts';
import { commentRoutes } from './comment-routes.ts';
import { mentionRoutes } from './mention-routes.ts';

export interface CommentsOptions {
  /** Test seam: how often streams ping and re-check access (default 25 s). */
  heartbeatMs?: number;
}

/**
 * Comments, their live event stream and the mention inbox, sharing one event
 * bus: in-process, or over Redis pub/sub with REDIS_URL (several instances).
 */
export const commentsPlugin: FastifyPluginAsync<CommentsOptions> = async (app, options) => {
  const bus = await createCommentEventBus(
    app.config.redis,
    app.log.child({ component: 'comment-events' }),
  );
  // After preClose has ended every stream.
  app.addHook('onClose', () => bus.close());
  await app.register(commentRoutes(bus));
  await app.register(commentEventsRoute(bus, options.heartbeatMs));
  await app.register(mentionRoutes);
};
