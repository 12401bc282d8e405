import { routes, type TTimer } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorizeMap } from '../../policy/policy.ts';
import { EVERYONE_ON_THE_MAP } from '../../services/map-events/map-event-bus.ts';
import { extendTimer } from '../../services/timers/extend-timer.ts';
import { getTimer } from '../../services/timers/get-timer.ts';
import { pauseTimer } from '../../services/timers/pause-timer.ts';
import { resumeTimer } from '../../services/timers/resume-timer.ts';
import { startTimer } from '../../services/timers/start-timer.ts';
import { stopTimer } from '../../services/timers/stop-timer.ts';
import { registerRoute } from '../register-route.ts';

/**
 * The map's workshop timer: everyone on the map reads it (share links and
 * presentation screens included), only facilitators (`workshop.facilitate`)
 * change it. Every change goes out on the map's event stream to everyone.
 */
export const timerRoutes: FastifyPluginAsyncZod = async (app) => {
  const publish = (mapId: string, timer: TTimer) =>
    app.mapEvents.publish(mapId, { type: 'timer', timer }, EVERYONE_ON_THE_MAP);

  registerRoute(app, routes.timer.get, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'map.read',
    );
    return getTimer(app.prisma, map.id);
  });

  registerRoute(app, routes.timer.start, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    const timer = await startTimer(app.prisma, map.id, request.body.durationSeconds * 1000);
    publish(map.id, timer);
    return timer;
  });

  registerRoute(app, routes.timer.pause, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    const timer = await pauseTimer(app.prisma, map.id);
    publish(map.id, timer);
    return timer;
  });

  registerRoute(app, routes.timer.resume, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    const timer = await resumeTimer(app.prisma, map.id);
    publish(map.id, timer);
    return timer;
  });

  registerRoute(app, routes.timer.extend, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    const timer = await extendTimer(app.prisma, map.id, request.body.seconds * 1000);
    publish(map.id, timer);
    return timer;
  });

  registerRoute(app, routes.timer.stop, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    const { timer, changed } = await stopTimer(app.prisma, map.id);
    if (changed) publish(map.id, timer);
    return timer;
  });
};
