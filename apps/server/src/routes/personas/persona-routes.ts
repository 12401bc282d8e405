import { routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../policy/actor.ts';
import {
  authorizeChild,
  authorizeMap,
  personaMapsSeenWith,
  authorizeWorkspace,
  type WorkspaceAction,
} from '../../policy/policy.ts';
import { createPersona } from '../../services/personas/create-persona.ts';
import { deletePersona } from '../../services/personas/delete-persona.ts';
import { getPersona } from '../../services/personas/get-persona.ts';
import { listMapPersonas } from '../../services/personas/list-map-personas.ts';
import { listPersonas } from '../../services/personas/list-personas.ts';
import { publishMapPersonas } from '../../services/personas/publish-map-personas.ts';
import { setMapPersonas } from '../../services/personas/set-map-personas.ts';
import { updatePersona } from '../../services/personas/update-persona.ts';
import { registerRoute } from '../register-route.ts';

/** Personas belong to a workspace (members read; editors and owners change) and link to its maps. */
export const personaRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A persona of a workspace you're not in is simply "not found". */
  async function authorizePersona(actor: Actor, personaId: string, action: WorkspaceAction) {
    const { child } = await authorizeChild(app.prisma, actor, 'persona', personaId, action);
    return child.id;
  }

  registerRoute(app, routes.personas.list, async (request) => {
    const actor = await request.getActor();
    await authorizeWorkspace(app.prisma, actor, request.params.id, 'workspace.read');
    return { personas: await listPersonas(app.prisma, request.params.id) };
  });

  registerRoute(app, routes.personas.create, async (request, reply) => {
    const actor = await request.getActor();
    const { user } = await authorizeWorkspace(
      app.prisma,
      actor,
      request.params.id,
      'personas.manage',
    );
    const persona = await createPersona(app.prisma, request.params.id, user.id, request.body);
    return reply.status(201).send(persona);
  });

  registerRoute(app, routes.personas.get, async (request) => {
    const id = await authorizePersona(
      await request.getActor(),
      request.params.id,
      'workspace.read',
    );
    return getPersona(app.prisma, id);
  });

  registerRoute(app, routes.personas.update, async (request) => {
    const id = await authorizePersona(
      await request.getActor(),
      request.params.id,
      'personas.manage',
    );
    const persona = await updatePersona(app.prisma, id, request.body);
    await publishMapPersonas(app.prisma, app.mapEvents, persona.mapIds);
    return persona;
  });

  registerRoute(app, routes.personas.remove, async (request, reply) => {
    const id = await authorizePersona(
      await request.getActor(),
      request.params.id,
      'personas.manage',
    );
    const unlinkedFrom = await deletePersona(app.prisma, id);
    await publishMapPersonas(app.prisma, app.mapEvents, unlinkedFrom);
    return reply.status(204).send(null);
  });

  registerRoute(app, routes.personas.listForMap, async (request) => {
    const actor = await request.getActor();
    const { map, capabilities } = await authorizeMap(
      app.prisma,
      actor,
      request.params.id,
      'map.read',
    );
    const personas = await listMapPersonas(app.prisma, map.id);
    return { personas: personas.map((p) => personaMapsSeenWith(p, map.id, capabilities)) };
  });

  registerRoute(app, routes.personas.setForMap, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'personas.link');
    const personas = await setMapPersonas(app.prisma, map, request.body);
    await publishMapPersonas(app.prisma, app.mapEvents, [map.id]);
    return { personas };
  });
};
