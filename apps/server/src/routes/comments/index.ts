import type { FastifyPluginAsync } from 'fastify';
import { CommentEventHub } from '../../services/comments/comment-event-hub.ts';
import { commentEventsRoute } from './comment-events-route.ts';
import { commentRoutes } from './comment-routes.ts';
import { mentionRoutes } from './mention-routes.ts';

export interface CommentsOptions {
  /** Test seam: how often streams ping and re-check access (default 25 s). */
  heartbeatMs?: number;
}

/** Comments, their live event stream and the mention inbox, sharing one event hub. */
export const commentsPlugin: FastifyPluginAsync<CommentsOptions> = async (app, options) => {
  const hub = new CommentEventHub();
  await app.register(commentRoutes(hub));
  await app.register(commentEventsRoute(hub, options.heartbeatMs));
  await app.register(mentionRoutes);
};
