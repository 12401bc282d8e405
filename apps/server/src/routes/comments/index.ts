import type { FastifyPluginAsync } from 'fastify';
import { commentRoutes } from './comment-routes.ts';
import { mentionRoutes } from './mention-routes.ts';

/**
 * Comments and the mention inbox. Their live events go out on the map's
 * event stream (`app.mapEvents`, routes/map-events-route.ts).
 */
export const commentsPlugin: FastifyPluginAsync = async (app) => {
  await app.register(commentRoutes);
  await app.register(mentionRoutes);
};
