import {
  ZCreateMapRequest,
  ZErrorResponse,
  ZJourneyMap,
  ZListMapsQuery,
  ZListMapsResponse,
  ZMapParams,
  ZUpdateMapRequest,
} from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  authorizeMap,
  authorizeWorkspace,
  memberMapCapabilities,
  requireUser,
} from '../policy/policy.ts';
import { createMap } from '../services/maps/create-map.ts';
import { deleteMap } from '../services/maps/delete-map.ts';
import { listMaps } from '../services/maps/list-maps.ts';
import { toJourneyMap } from '../services/maps/to-journey-map.ts';
import { updateMap } from '../services/maps/update-map.ts';
import { personalWorkspaceId } from '../services/workspaces/personal-workspace-id.ts';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
};

/** Journey maps. Routes stay thin: authorise (policy) → validate (schemas) → call one service. */
export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/maps',
    {
      schema: {
        summary: "List the maps of the caller's workspaces (or of one)",
        querystring: ZListMapsQuery,
        response: { 200: ZListMapsResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await request.getActor();
      const { workspaceId } = request.query;
      const user = workspaceId
        ? (await authorizeWorkspace(app.prisma, actor, workspaceId, 'workspace.read')).user
        : requireUser(actor);
      return { maps: await listMaps(app.prisma, user.id, workspaceId?.toLowerCase()) };
    },
  );

  app.post(
    '/api/maps',
    {
      schema: {
        summary: 'Create a journey map from a template (default: in your personal workspace)',
        body: ZCreateMapRequest,
        response: { 201: ZJourneyMap, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await request.getActor();
      const user = requireUser(actor);
      const workspaceId =
        request.body.workspaceId ?? (await personalWorkspaceId(app.prisma, user.id));
      const { role } = await authorizeWorkspace(app.prisma, actor, workspaceId, 'map.create');
      const map = await createMap(app.prisma, request.body, workspaceId.toLowerCase());
      return reply.status(201).send({ ...map, capabilities: memberMapCapabilities(role) });
    },
  );

  app.get(
    '/api/maps/:id',
    {
      schema: {
        summary: 'Get a journey map',
        params: ZMapParams,
        response: { 200: ZJourneyMap, ...errors },
      },
    },
    async (request) => {
      const { map, capabilities } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'map.read',
      );
      return toJourneyMap(map, capabilities);
    },
  );

  app.patch(
    '/api/maps/:id',
    {
      schema: {
        summary: 'Rename or describe a journey map',
        params: ZMapParams,
        body: ZUpdateMapRequest,
        response: { 200: ZJourneyMap, ...errors },
      },
    },
    async (request) => {
      const { map, capabilities } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'map.rename',
      );
      return updateMap(app.prisma, map.id, request.body, capabilities);
    },
  );

  app.delete(
    '/api/maps/:id',
    {
      schema: {
        summary: 'Delete a journey map and its board (owners)',
        params: ZMapParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'map.delete',
      );
      await deleteMap(app.prisma, map.id, (mapId) => app.sync.closeDocument(mapId, 'map deleted'));
      return reply.status(204).send(null);
    },
  );
};
