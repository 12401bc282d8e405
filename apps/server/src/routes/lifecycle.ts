import { routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorizeMap, requireUser } from '../policy/policy.ts';
import { compareWithSource } from '../services/lifecycle/compare-with-source.ts';
import { createFutureStateMap } from '../services/lifecycle/create-future-state-map.ts';
import { markMapReviewed } from '../services/lifecycle/mark-map-reviewed.ts';
import { loadJourneyMap } from '../services/maps/to-journey-map.ts';
import { updateMapLifecycle } from '../services/lifecycle/update-map-lifecycle.ts';
import { lifecycleEvent } from '../services/lifecycle/lifecycle-event.ts';
import { EVERYONE_ON_THE_MAP, HISTORY_READERS } from '../services/map-events/map-event-bus.ts';
import { authorOfActor } from '../sync/attribution.ts';
import { registerRoute } from './register-route.ts';

/**
 * A map's lifecycle: status, owner and review dates (`map.lifecycle`),
 * "Mark as reviewed" (`map.review`), future-state copies (`map.future-state`)
 * and their comparison with the source (`version.read`). Thin: policy → one
 * service; every change to a map's lifecycle is announced on its event stream.
 */
export const lifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.maps.lifecycle, async (request) => {
    const { map, capabilities } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'map.lifecycle',
    );
    const updated = await updateMapLifecycle(app.prisma, map, request.body, capabilities);
    // Other tabs on the map (and other people) see the new status or owner without reloading.
    app.mapEvents.publish(map.id, lifecycleEvent(updated), EVERYONE_ON_THE_MAP);
    return updated;
  });

  registerRoute(app, routes.maps.review, async (request, reply) => {
    const actor = await request.getActor();
    const { map, capabilities } = await authorizeMap(
      app.prisma,
      actor,
      request.params.id,
      'map.review',
    );
    const result = await markMapReviewed(
      app.prisma,
      app.sync,
      map,
      authorOfActor(actor, map.id),
      capabilities,
    );
    app.mapEvents.publish(
      map.id,
      { type: 'version-created', version: result.version },
      HISTORY_READERS,
    );
    app.mapEvents.publish(map.id, lifecycleEvent(result.map), EVERYONE_ON_THE_MAP);
    return reply.status(201).send(result);
  });

  registerRoute(app, routes.maps.createFutureState, async (request, reply) => {
    const actor = await request.getActor();
    const { map, capabilities } = await authorizeMap(
      app.prisma,
      actor,
      request.params.id,
      'map.future-state',
    );
    const created = await createFutureStateMap(
      app.prisma,
      app.sync,
      map,
      request.body,
      requireUser(actor).id,
    );
    // The source now links to its new future state: whoever is on it sees the link appear.
    app.mapEvents.publish(
      map.id,
      lifecycleEvent(await loadJourneyMap(app.prisma, map.id)),
      EVERYONE_ON_THE_MAP,
    );
    // Same workspace, same caller: what they may do with the copy is what they may do with its source.
    return reply.status(201).send({ ...created, capabilities: [...capabilities] });
  });

  registerRoute(app, routes.maps.compareWithSource, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'version.read',
    );
    return compareWithSource(app.prisma, app.sync, map);
  });
};
