import { routes, type TFacilitation } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import { authorizeMap } from '../../policy/policy.ts';
import { endSummon } from '../../services/facilitation/end-summon.ts';
import { getFacilitation } from '../../services/facilitation/facilitation-view.ts';
import { spotlightStage } from '../../services/facilitation/spotlight-stage.ts';
import { summonEveryone } from '../../services/facilitation/summon-everyone.ts';
import { EVERYONE_ON_THE_MAP } from '../../services/map-events/map-event-bus.ts';
import { registerRoute } from '../register-route.ts';

/**
 * "Bring everyone to me" and the stage spotlight: everyone on the map reads
 * them (share links and presentation screens included), facilitators change
 * them. Every change goes out on the map's event stream to everyone.
 */
export const facilitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const publish = (mapId: string, facilitation: TFacilitation) =>
    app.mapEvents.publish(mapId, { type: 'facilitation', facilitation }, EVERYONE_ON_THE_MAP);

  registerRoute(app, routes.facilitation.get, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'map.read',
    );
    return getFacilitation(app.prisma, map.id);
  });

  registerRoute(app, routes.facilitation.summon, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.facilitate');
    // Facilitators are always accounts (the capability table gives guests none).
    const user = actor.user?.user;
    if (!user) throw new AppError('FORBIDDEN');
    const facilitation = await summonEveryone(app.prisma, {
      mapId: map.id,
      by: { userId: user.id, name: user.name },
      viewport: request.body.viewport,
    });
    publish(map.id, facilitation);
    return facilitation;
  });

  registerRoute(app, routes.facilitation.endSummon, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    const { facilitation, changed } = await endSummon(app.prisma, map.id);
    if (changed) publish(map.id, facilitation);
    return facilitation;
  });

  registerRoute(app, routes.facilitation.spotlight, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    const facilitation = await spotlightStage(app.prisma, map.id, request.body.stageId);
    publish(map.id, facilitation);
    return facilitation;
  });
};
