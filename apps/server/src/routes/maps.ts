import {
  ZCreateMapRequest,
  ZErrorResponse,
  ZJourneyMap,
  ZListMapsResponse,
  ZMapParams,
  ZUpdateMapRequest,
} from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMap } from '../services/maps/create-map.ts';
import { deleteMap } from '../services/maps/delete-map.ts';
import { getMap } from '../services/maps/get-map.ts';
import { listMaps } from '../services/maps/list-maps.ts';
import { updateMap } from '../services/maps/update-map.ts';

const errors = { 400: ZErrorResponse, 404: ZErrorResponse };

/** Journey maps. Routes stay thin: validate (schemas) → call one service. */
export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/maps',
    { schema: { summary: 'List journey maps', response: { 200: ZListMapsResponse } } },
    async () => ({ maps: await listMaps(app.prisma) }),
  );

  app.post(
    '/api/maps',
    {
      schema: {
        summary: 'Create a journey map from a template',
        body: ZCreateMapRequest,
        response: { 201: ZJourneyMap, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createMap(app.prisma, request.body)),
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
    async (request) => getMap(app.prisma, request.params.id),
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
    async (request) => updateMap(app.prisma, request.params.id, request.body),
  );

  app.delete(
    '/api/maps/:id',
    {
      schema: {
        summary: 'Delete a journey map and its board',
        params: ZMapParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteMap(app.prisma, request.params.id, (mapId) =>
        app.sync.closeDocument(mapId, 'map deleted'),
      );
      return reply.status(204).send(null);
    },
  );
};
