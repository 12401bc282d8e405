import fp from 'fastify-plugin';
import { createMapEventBus } from '../services/map-events/create-map-event-bus.ts';
import type { MapEventBus } from '../services/map-events/map-event-bus.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where routes publish a map's live changes (comments, timer, votes). */
    mapEvents: MapEventBus;
  }
}

/**
 * The one bus behind every map's event stream (`GET /api/maps/:id/events`):
 * in-process, or over Redis pub/sub with REDIS_URL (several instances).
 */
export const mapEventsPlugin = fp(
  async (app) => {
    const bus = await createMapEventBus(
      app.config.redis,
      app.log.child({ component: 'map-events' }),
    );
    app.decorate('mapEvents', bus);
    // Runs after the streams' preClose has ended every stream.
    app.addHook('onClose', () => bus.close());
  },
  { name: 'map-events', dependencies: ['config'] },
);
