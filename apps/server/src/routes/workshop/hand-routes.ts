import { routes, type THands } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import { participantOf, type Actor } from '../../policy/actor.ts';
import { authorizeMap } from '../../policy/policy.ts';
import { handsFor, readHands } from '../../services/hands/hands-view.ts';
import { lowerHands } from '../../services/hands/lower-hands.ts';
import { raiseHand } from '../../services/hands/raise-hand.ts';
import { EVERYONE_ON_THE_MAP } from '../../services/map-events/map-event-bus.ts';
import { registerRoute } from '../register-route.ts';

/**
 * Raised hands: everyone on the map reads them (a hand is raised in front of
 * the room) and gets each change live; participants (`workshop.participate`)
 * raise and lower their own; facilitators (`workshop.facilitate`) lower one
 * or all. Each answer says which hand is the caller's (`you`).
 */
export const handRoutes: FastifyPluginAsyncZod = async (app) => {
  const publish = (mapId: string, result: { hands: THands; changed: boolean }) => {
    if (result.changed) {
      app.mapEvents.publish(mapId, { type: 'hands', hands: result.hands }, EVERYONE_ON_THE_MAP);
    }
  };

  /** The map, and the participant raising or lowering their own hand. */
  async function authorizeParticipant(actor: Actor, mapId: string) {
    const { map } = await authorizeMap(app.prisma, actor, mapId, 'workshop.participate');
    const who = participantOf(actor, map.id);
    if (!who) throw new AppError('FORBIDDEN');
    return { map, who };
  }

  registerRoute(app, routes.hands.list, async (request) => {
    const actor = await request.getActor();
    const access = await authorizeMap(app.prisma, actor, request.params.id, 'map.read');
    const participates = access.capabilities.includes('workshop.participate');
    return handsFor(await readHands(app.prisma, access.map.id), actor, access.map.id, participates);
  });

  registerRoute(app, routes.hands.raise, async (request) => {
    const actor = await request.getActor();
    const { map, who } = await authorizeParticipant(actor, request.params.id);
    const result = await raiseHand(app.prisma, map.id, who);
    publish(map.id, result);
    return handsFor(result.hands, actor, map.id, true);
  });

  registerRoute(app, routes.hands.lowerOwn, async (request) => {
    const actor = await request.getActor();
    const { map, who } = await authorizeParticipant(actor, request.params.id);
    const result = await lowerHands(app.prisma, map.id, { own: who.key });
    publish(map.id, result);
    return handsFor(result.hands, actor, map.id, true);
  });

  registerRoute(app, routes.hands.lower, async (request) => {
    const actor = await request.getActor();
    const access = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.facilitate');
    const result = await lowerHands(app.prisma, access.map.id, { handId: request.params.handId });
    publish(access.map.id, result);
    return handsFor(
      result.hands,
      actor,
      access.map.id,
      access.capabilities.includes('workshop.participate'),
    );
  });

  registerRoute(app, routes.hands.lowerAll, async (request) => {
    const actor = await request.getActor();
    const access = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.facilitate');
    const result = await lowerHands(app.prisma, access.map.id, { all: true });
    publish(access.map.id, result);
    return handsFor(
      result.hands,
      actor,
      access.map.id,
      access.capabilities.includes('workshop.participate'),
    );
  });
};
