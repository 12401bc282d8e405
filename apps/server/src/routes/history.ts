import {
  ZActivityQuery,
  ZActivityResponse,
  ZChangesQuery,
  ZChangesResponse,
  ZVisitResponse,
  ZBoardVersion,
  ZCreateVersionRequest,
  ZErrorResponse,
  ZListVersionsResponse,
  ZMapParams,
  ZRestoreVersionResponse,
  ZVersionParams,
} from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { namesOf } from '@journeyboard/shared/board';
import { authorizeMap, requireUser } from '../policy/policy.ts';
import { changesBetween } from '../services/history/changes-between.ts';
import { listActivity } from '../services/history/list-activity.ts';
import { liveBoard } from '../services/history/live-board.ts';
import { recordVisit } from '../services/history/record-visit.ts';
import { findVersion } from '../services/history/find-version.ts';
import { listVersions } from '../services/history/list-versions.ts';
import { recordVersion } from '../services/history/record-version.ts';
import { restoreVersion } from '../services/history/restore-version.ts';
import { toBoardVersion } from '../services/history/to-board-version.ts';
import { authorFromAccess } from '../sync/attribution.ts';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

/** A map's history: versions, previews, restore. Thin: policy → schema → one service. */
export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/maps/:id/versions',
    {
      schema: {
        summary: "List a map's versions, newest first (named and automatic)",
        params: ZMapParams,
        response: { 200: ZListVersionsResponse, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'version.read',
      );
      return { versions: await listVersions(app.prisma, map.id) };
    },
  );

  app.post(
    '/api/maps/:id/versions',
    {
      schema: {
        summary: 'Name the board as it is now ("Before Q3 workshop")',
        params: ZMapParams,
        body: ZCreateVersionRequest,
        response: { 201: ZBoardVersion, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await request.getActor();
      const { map, via } = await authorizeMap(
        app.prisma,
        actor,
        request.params.id,
        'version.create',
      );
      const version = await recordVersion(
        app.prisma,
        app.sync,
        map.id,
        authorFromAccess(actor, via),
        {
          kind: 'named',
          name: request.body.name,
        },
      );
      return reply.status(201).send(version!);
    },
  );

  app.get(
    '/api/maps/:id/versions/:versionId',
    {
      schema: {
        summary: 'Get one version (metadata)',
        params: ZVersionParams,
        response: { 200: ZBoardVersion, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'version.read',
      );
      return toBoardVersion(await findVersion(app.prisma, map.id, request.params.versionId));
    },
  );

  app.get(
    '/api/maps/:id/versions/:versionId/state',
    {
      schema: {
        summary:
          "A version's whole board as a Yjs update (application/octet-stream), to show it read-only",
        params: ZVersionParams,
        response: {
          200: z.unknown().describe('Yjs update bytes: apply to an empty Y.Doc'),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'version.read',
      );
      const version = await findVersion(app.prisma, map.id, request.params.versionId);
      return reply
        .type('application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(Buffer.from(version.state));
    },
  );

  app.post(
    '/api/maps/:id/versions/:versionId/restore',
    {
      schema: {
        summary:
          'Bring the map back to a version, as one change everyone connected receives; restore `before` to undo',
        params: ZVersionParams,
        response: { 200: ZRestoreVersionResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await request.getActor();
      const { map, via } = await authorizeMap(
        app.prisma,
        actor,
        request.params.id,
        'version.restore',
      );
      return restoreVersion(
        app.prisma,
        app.sync,
        map.id,
        request.params.versionId,
        authorFromAccess(actor, via),
      );
    },
  );

  app.get(
    '/api/maps/:id/activity',
    {
      schema: {
        summary:
          "A map's activity feed, newest first: who did what, in sentences (paged; filter by person, stage or card)",
        params: ZMapParams,
        querystring: ZActivityQuery,
        response: { 200: ZActivityResponse, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'version.read',
      );
      const names = namesOf(await liveBoard(app.sync, map.id));
      return listActivity(app.prisma, map.id, request.query, names);
    },
  );

  app.get(
    '/api/maps/:id/changes',
    {
      schema: {
        summary:
          'What changed between two points (version ids, "last-visit", ISO times or "now"), card by card, with who and when',
        params: ZMapParams,
        querystring: ZChangesQuery,
        response: { 200: ZChangesResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'version.read');
      return changesBetween(
        app.prisma,
        app.sync,
        map.id,
        request.query,
        actor.user?.user.id ?? null,
      );
    },
  );

  app.post(
    '/api/maps/:id/visit',
    {
      schema: {
        summary: 'Record that you opened the map (accounts); answers your previous visit',
        params: ZMapParams,
        response: { 200: ZVisitResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'version.read');
      const user = requireUser(actor);
      const previous = await recordVisit(app.prisma, map.id, user.id);
      return { previousVisitAt: previous?.toISOString() ?? null };
    },
  );
};
