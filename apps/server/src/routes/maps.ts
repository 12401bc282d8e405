import { IMPORT_BODY_LIMIT, routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  authorizeMap,
  authorizeWorkspace,
  can,
  memberMapCapabilities,
  requireUser,
} from '../policy/policy.ts';
import { createMap } from '../services/maps/create-map.ts';
import { exportMap } from '../services/maps/export-map.ts';
import { importMap } from '../services/maps/import-map.ts';
import { importIntoMap } from '../services/maps/import-into-map.ts';
import { publishMapPersonas } from '../services/personas/publish-map-personas.ts';
import { AppError } from '../errors/app-error.ts';
import { authorOfActor } from '../sync/attribution.ts';
import { deleteMap } from '../services/maps/delete-map.ts';
import { listMaps } from '../services/maps/list-maps.ts';
import { loadJourneyMap } from '../services/maps/to-journey-map.ts';
import { moveMap } from '../services/maps/move-map.ts';
import { updateMap } from '../services/maps/update-map.ts';
import { searchMaps } from '../services/search/search-maps.ts';
import { grantKey } from '../sync/access.ts';
import { personalWorkspaceId } from '../services/workspaces/personal-workspace-id.ts';
import { registerRoute } from './register-route.ts';
import { EVERYONE_ON_THE_MAP, HISTORY_READERS } from '../services/map-events/map-event-bus.ts';
import { assertMapDetailsUnlocked } from '../services/locks/assert-map-details-unlocked.ts';

/** Journey maps. Routes stay thin: authorise (policy) → validate (schemas) → call one service. */
export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.maps.list, async (request) => {
    const actor = await request.getActor();
    const { workspaceId } = request.query;
    const user = workspaceId
      ? (await authorizeWorkspace(app.prisma, actor, workspaceId, 'workspace.read')).user
      : requireUser(actor);
    return { maps: await listMaps(app.prisma, user.id, request.query) };
  });

  registerRoute(app, routes.maps.create, async (request, reply) => {
    const actor = await request.getActor();
    const user = requireUser(actor);
    const workspaceId =
      request.body.workspaceId ?? (await personalWorkspaceId(app.prisma, user.id));
    const { role } = await authorizeWorkspace(app.prisma, actor, workspaceId, 'map.create');
    const map = await createMap(app.prisma, request.body, workspaceId);
    return reply.status(201).send({ ...map, capabilities: [...memberMapCapabilities(role)] });
  });

  registerRoute(
    app,
    routes.maps.import,
    async (request, reply) => {
      const actor = await request.getActor();
      const user = requireUser(actor);
      const workspaceId =
        request.body.workspaceId ?? (await personalWorkspaceId(app.prisma, user.id));
      const { role } = await authorizeWorkspace(app.prisma, actor, workspaceId, 'map.create');
      // The file's personas are created in the workspace: managing its personas.
      if (request.body.map.map.personas.length > 0)
        await authorizeWorkspace(app.prisma, actor, workspaceId, 'personas.manage');
      const map = await importMap(app.prisma, request.body, workspaceId, user.id);
      return reply.status(201).send({ ...map, capabilities: [...memberMapCapabilities(role)] });
    },
    { bodyLimit: IMPORT_BODY_LIMIT },
  );

  registerRoute(
    app,
    routes.maps.importInto,
    async (request) => {
      const actor = await request.getActor();
      const access = await authorizeMap(app.prisma, actor, request.params.id, 'board.edit');
      // Linking the file's personas (made in the workspace if need be) is linking personas.
      if (request.body.map.map.personas.length > 0 && !can(access, 'personas.link'))
        throw new AppError(
          'FORBIDDEN',
          'This file has personas, and you may not link personas to this map. Remove them from the file, or ask an editor to import it.',
        );
      const imported = await importIntoMap(
        app.prisma,
        app.sync,
        access.map,
        request.body,
        authorOfActor(actor, access.map.id),
        actor.user?.user.id ?? null,
      );
      if (request.body.map.map.personas.length > 0) {
        await publishMapPersonas(app.prisma, app.mapEvents, [access.map.id]);
      }
      return imported;
    },
    { bodyLimit: IMPORT_BODY_LIMIT },
  );

  registerRoute(app, routes.maps.get, async (request) => {
    const { map, capabilities } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'map.read',
    );
    return loadJourneyMap(app.prisma, map.id, capabilities);
  });

  registerRoute(app, routes.maps.export, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'export',
    );
    return exportMap(app.prisma, app.sync, map);
  });

  registerRoute(app, routes.maps.update, async (request) => {
    const actor = await request.getActor();
    const { map, capabilities } = await authorizeMap(
      app.prisma,
      actor,
      request.params.id,
      'map.rename',
    );
    await assertMapDetailsUnlocked(app.prisma, map.id, capabilities);
    const { map: updated, changed } = await updateMap(
      app.prisma,
      map.id,
      request.body,
      authorOfActor(actor, map.id),
      capabilities,
    );
    // Everyone with the map open (other tabs, other people, share links) sees the new name.
    const { title, description, updatedAt } = updated;
    app.mapEvents.publish(
      map.id,
      { type: 'map-details', title, description, updatedAt },
      EVERYONE_ON_THE_MAP,
    );
    // The feed's new entry names no card: no card's byline needs asking again.
    if (changed) {
      app.mapEvents.publish(map.id, { type: 'activity-written', cardIds: [] }, HISTORY_READERS);
    }
    return updated;
  });

  registerRoute(app, routes.maps.remove, async (request, reply) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'map.delete',
    );
    await deleteMap(app.prisma, map.id, (mapId) => app.sync.closeDocument(mapId, 'map deleted'));
    return reply.status(204).send(null);
  });

  registerRoute(app, routes.maps.search, async (request) => {
    const user = requireUser(await request.getActor());
    return { results: await searchMaps(app.prisma, user.id, request.query.q) };
  });

  registerRoute(app, routes.maps.move, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'map.move');
    // Owners of both: moving into a workspace is managing it (the same capability as its members).
    const target = await authorizeWorkspace(
      app.prisma,
      actor,
      request.body.workspaceId,
      'members.manage',
    );
    const from = map.workspaceId;
    const result = await moveMap(
      app.prisma,
      map.id,
      request.body.workspaceId,
      memberMapCapabilities(target.role),
    );
    if (from !== request.body.workspaceId) {
      // Everyone on the map reconnects and is let back in only as a member of the new workspace.
      const members = await app.prisma.membership.findMany({
        where: { workspaceId: from },
        select: { userId: true },
      });
      for (const { userId } of members) {
        app.sync.revoke(grantKey.member(from, userId), { reconnect: true });
      }
    }
    return result;
  });
};
