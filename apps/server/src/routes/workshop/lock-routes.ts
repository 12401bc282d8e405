import { routes } from '@journeyboard/shared';
import type { BoardLock } from '@journeyboard/shared/board';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorizeMap } from '../../policy/policy.ts';
import { readMapLocks } from '../../services/locks/map-locks-view.ts';
import { publishMapLocks } from '../../services/locks/publish-map-locks.ts';
import { setMapLock } from '../../services/locks/set-map-lock.ts';
import { registerRoute } from '../register-route.ts';

/**
 * Facilitator locks: everyone on the map reads them, facilitators
 * (`workshop.facilitate`) set and lift them (publishMapLocks says in which
 * order a change reaches the socket and the event stream).
 */
export const lockRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.locks.list, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'map.read',
    );
    return readMapLocks(app.prisma, map.id);
  });

  for (const [route, locked] of [
    [routes.locks.lock, true],
    [routes.locks.unlock, false],
  ] as const) {
    registerRoute(app, route, async (request) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(
        app.prisma,
        actor,
        request.params.id,
        'workshop.facilitate',
      );
      const { locks, changed } = await setMapLock(app.prisma, {
        mapId: map.id,
        lock: request.body as BoardLock,
        locked,
        byUserId: actor.user?.user.id ?? null,
      });
      if (changed) await publishMapLocks(app.sync, app.mapEvents, map.id, locks);
      return locks;
    });
  }
};
