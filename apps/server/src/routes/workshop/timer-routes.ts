import {
  ZErrorResponse,
  ZExtendTimerRequest,
  ZMapParams,
  ZStartTimerRequest,
  ZTimer,
  type TTimer,
} from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorizeMap } from '../../policy/policy.ts';
import { EVERYONE_ON_THE_MAP } from '../../services/map-events/map-event-bus.ts';
import { extendTimer } from '../../services/timers/extend-timer.ts';
import { getTimer } from '../../services/timers/get-timer.ts';
import { pauseTimer } from '../../services/timers/pause-timer.ts';
import { resumeTimer } from '../../services/timers/resume-timer.ts';
import { startTimer } from '../../services/timers/start-timer.ts';
import { stopTimer } from '../../services/timers/stop-timer.ts';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

/**
 * The map's workshop timer: everyone on the map reads it (share links and
 * presentation screens included), only facilitators (`workshop.facilitate`)
 * change it. Every change goes out on the map's event stream to everyone.
 */
export const timerRoutes: FastifyPluginAsyncZod = async (app) => {
  const publish = (mapId: string, timer: TTimer) =>
    app.mapEvents.publish(mapId, { type: 'timer', timer }, EVERYONE_ON_THE_MAP);

  app.get(
    '/api/maps/:id/timer',
    {
      schema: {
        summary: "The map's timer now (with the server's clock, `now`)",
        params: ZMapParams,
        response: { 200: ZTimer, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'map.read',
      );
      return getTimer(app.prisma, map.id);
    },
  );

  app.post(
    '/api/maps/:id/timer',
    {
      schema: {
        summary: 'Start the timer from durationSeconds (restarts a running one; facilitators)',
        params: ZMapParams,
        body: ZStartTimerRequest,
        response: { 200: ZTimer, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'workshop.facilitate',
      );
      const timer = await startTimer(app.prisma, map.id, request.body.durationSeconds * 1000);
      publish(map.id, timer);
      return timer;
    },
  );

  app.post(
    '/api/maps/:id/timer/pause',
    {
      schema: {
        summary: 'Pause the running timer (facilitators); 409 TIMER_NOT_RUNNING',
        params: ZMapParams,
        response: { 200: ZTimer, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'workshop.facilitate',
      );
      const timer = await pauseTimer(app.prisma, map.id);
      publish(map.id, timer);
      return timer;
    },
  );

  app.post(
    '/api/maps/:id/timer/resume',
    {
      schema: {
        summary: 'Resume the paused timer (facilitators); 409 TIMER_NOT_PAUSED',
        params: ZMapParams,
        response: { 200: ZTimer, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'workshop.facilitate',
      );
      const timer = await resumeTimer(app.prisma, map.id);
      publish(map.id, timer);
      return timer;
    },
  );

  app.post(
    '/api/maps/:id/timer/extend',
    {
      schema: {
        summary: 'Add time (default a minute) to the running or paused timer (facilitators)',
        params: ZMapParams,
        body: ZExtendTimerRequest,
        response: { 200: ZTimer, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'workshop.facilitate',
      );
      const timer = await extendTimer(app.prisma, map.id, request.body.seconds * 1000);
      publish(map.id, timer);
      return timer;
    },
  );

  app.delete(
    '/api/maps/:id/timer',
    {
      schema: {
        summary: 'Stop the timer (facilitators); stopping a stopped timer changes nothing',
        params: ZMapParams,
        response: { 200: ZTimer, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'workshop.facilitate',
      );
      const { timer, changed } = await stopTimer(app.prisma, map.id);
      if (changed) publish(map.id, timer);
      return timer;
    },
  );
};
