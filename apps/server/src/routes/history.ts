import { routes } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorizeMap } from '../policy/policy.ts';
import { boardNames } from '../services/history/board-names.ts';
import { changesBetween } from '../services/history/changes-between.ts';
import { listActivity } from '../services/history/list-activity.ts';
import { recordVisit } from '../services/history/record-visit.ts';
import { findLastReview } from '../services/history/find-last-review.ts';
import { findVersion } from '../services/history/find-version.ts';
import { listVersions } from '../services/history/list-versions.ts';
import { recordVersion } from '../services/history/record-version.ts';
import { restoreVersion } from '../services/history/restore-version.ts';
import { toBoardVersion } from '../services/history/to-board-version.ts';
import { HISTORY_READERS } from '../services/map-events/map-event-bus.ts';
import { authorOfActor } from '../sync/attribution.ts';
import { registerRoute } from './register-route.ts';

/**
 * A map's versions: list, name, open, restore. Thin: policy → one service →
 * publish on the map's event stream to everyone who may read the history.
 */
export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.versions.list, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'version.read',
    );
    return { versions: await listVersions(app.prisma, map.id) };
  });

  registerRoute(app, routes.versions.lastReview, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'version.read',
    );
    const version = await findLastReview(app.prisma, map.id);
    return { version: version ? toBoardVersion(version) : null };
  });

  registerRoute(app, routes.versions.create, async (request, reply) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'version.create');
    const version = await recordVersion(
      app.prisma,
      app.sync,
      map.id,
      authorOfActor(actor, map.id),
      {
        kind: 'named',
        name: request.body.name,
      },
    );
    // A named version is always saved (only automatic ones skip "no change").
    if (!version) throw new Error('a named version was not saved');
    app.mapEvents.publish(map.id, { type: 'version-created', version }, HISTORY_READERS);
    return reply.status(201).send(version);
  });

  registerRoute(app, routes.versions.get, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'version.read',
    );
    const version = await findVersion(app.prisma, map.id, request.params.versionId);
    return {
      version: toBoardVersion(version),
      state: Buffer.from(version.state).toString('base64'),
    };
  });

  registerRoute(app, routes.versions.restore, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'version.restore');
    const result = await restoreVersion(
      app.prisma,
      app.sync,
      map.id,
      request.params.versionId,
      authorOfActor(actor, map.id),
    );
    app.mapEvents.publish(map.id, { type: 'version-restored', ...result }, HISTORY_READERS);
    // Its line in the feed (the board's own entries are announced as they are written).
    app.mapEvents.publish(map.id, { type: 'activity-written', cardIds: [] }, HISTORY_READERS);
    return result;
  });

  registerRoute(app, routes.history.activity, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'version.read',
    );
    const names = await boardNames(app.sync, map.id);
    return listActivity(app.prisma, map.id, request.query, names);
  });

  registerRoute(app, routes.history.changes, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'version.read');
    return changesBetween(app.prisma, app.sync, map.id, request.query, actor.user?.user.id ?? null);
  });

  registerRoute(app, routes.history.visit, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'version.read');
    // Only an account is someone to remember a visit for.
    if (!actor.user) return { previousVisitAt: null };
    const previous = await recordVisit(app.prisma, map.id, actor.user.user.id);
    return { previousVisitAt: previous?.toISOString() ?? null };
  });
};
