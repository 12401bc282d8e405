import { routes, type MapAction, type TPrivateCard } from '@journeyboard/shared';
import { holdsCards, readBoard } from '@journeyboard/shared/board';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import { participantOf, type Actor } from '../../policy/actor.ts';
import { authorizeMap } from '../../policy/policy.ts';
import { recordVersion } from '../../services/history/record-version.ts';
import { assertCellUnlocked } from '../../services/locks/assert-cell-unlocked.ts';
import { HISTORY_READERS } from '../../services/map-events/map-event-bus.ts';
import { createPrivateCard } from '../../services/private-mode/create-private-card.ts';
import { deletePrivateCard } from '../../services/private-mode/delete-private-card.ts';
import { endPrivateMode } from '../../services/private-mode/end-private-mode.ts';
import {
  listPrivateCards,
  readPrivateMode,
} from '../../services/private-mode/private-mode-view.ts';
import { countPrivateCards } from '../../services/private-mode/count-private-cards.ts';
import {
  publishPrivateCards,
  publishPrivateMode,
  publishPrivateProgress,
} from '../../services/private-mode/publish-private-mode.ts';
import { startPrivateMode } from '../../services/private-mode/start-private-mode.ts';
import { updatePrivateCard } from '../../services/private-mode/update-private-card.ts';
import { authorOfActor } from '../../sync/attribution.ts';
import { registerRoute } from '../register-route.ts';

/**
 * The silent brainstorm (private mode); design and failure modes in
 * docs/architecture.md, "Silent brainstorm". Facilitators
 * (`workshop.facilitate`) start and end it; everyone on the map reads
 * whether it runs. While it runs, a participant (`board.edit`) writes only
 * private cards — rows that only their author reads, sent only on the
 * author's own event streams — and the sync server treats the shared board
 * as locked for participants. The end reveals every private card into the
 * board in one transaction.
 */
export const privateModeRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The map, and who writes: a participant who may edit the board. */
  async function authorizeAuthor(actor: Actor, mapId: string) {
    const { map, capabilities } = await authorizeMap(app.prisma, actor, mapId, 'board.edit');
    const author = participantOf(actor, map.id);
    if (!author) throw new AppError('FORBIDDEN');
    return { map, author, capabilities };
  }

  /** A private card goes into a cell of the board that holds cards, and that isn't locked. */
  async function checkCell(
    mapId: string,
    stageId: string,
    laneId: string,
    capabilities: readonly MapAction[],
  ): Promise<void> {
    await assertCellUnlocked(app.prisma, mapId, { stageId, laneId }, capabilities);
    // A copy of a board open elsewhere may predate a stage or lane made a moment ago: look again.
    const find = (fresh: boolean) =>
      app.sync.readBoard(
        mapId,
        (doc) => {
          const board = readBoard(doc);
          const lane = board.lanes.find((candidate) => candidate.id === laneId);
          return (
            board.stages.some((stage) => stage.id === stageId) &&
            lane !== undefined &&
            holdsCards(lane.kind)
          );
        },
        { fresh },
      );
    if (!(await find(false)) && !(await find(true))) throw new AppError('CELL_NOT_ON_BOARD');
  }

  /** The author's tabs (any instance) get their whole private list again; facilitators the counts. */
  async function tellAuthor(mapId: string, authorKey: string): Promise<TPrivateCard[]> {
    const cards = await listPrivateCards(app.prisma, mapId, authorKey);
    publishPrivateCards(app.mapEvents, mapId, authorKey, cards);
    publishPrivateProgress(app.mapEvents, mapId, await countPrivateCards(app.prisma, mapId));
    return cards;
  }

  registerRoute(app, routes.privateMode.get, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'map.read',
    );
    return readPrivateMode(app.prisma, map.id);
  });

  registerRoute(app, routes.privateMode.progress, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.facilitate',
    );
    return countPrivateCards(app.prisma, map.id);
  });

  registerRoute(app, routes.privateMode.start, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.facilitate');
    const name = participantOf(actor, map.id)?.name ?? 'A facilitator';
    const privateMode = await startPrivateMode(app.prisma, map.id, name);
    // In force on every instance's sync socket before anyone hears it started.
    await app.sync.refreshMapRules(map.id);
    publishPrivateMode(app.mapEvents, map.id, privateMode);
    return privateMode;
  });

  registerRoute(app, routes.privateMode.end, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.facilitate');
    const author = authorOfActor(actor, map.id);
    const ended = await endPrivateMode(app.prisma, app.sync, {
      mapId: map.id,
      anonymous: request.body.anonymous,
    });
    if (!ended.changed) return ended.privateMode;
    await app.sync.refreshMapRules(map.id);
    publishPrivateMode(app.mapEvents, map.id, ended.privateMode);
    for (const key of ended.authorKeys) publishPrivateCards(app.mapEvents, map.id, key, []);
    // The end of a facilitation round is a moment worth keeping (as for voting).
    try {
      const version = await recordVersion(app.prisma, app.sync, map.id, author, {
        kind: 'auto',
        reason: 'round',
      });
      if (version) {
        app.mapEvents.publish(map.id, { type: 'version-created', version }, HISTORY_READERS);
      }
    } catch (error) {
      request.log.error({ err: error, mapId: map.id }, 'the end-of-brainstorm version failed');
    }
    return ended.privateMode;
  });

  registerRoute(app, routes.privateMode.listCards, async (request) => {
    const { map, author } = await authorizeAuthor(await request.getActor(), request.params.id);
    return { cards: await listPrivateCards(app.prisma, map.id, author.key) };
  });

  registerRoute(app, routes.privateMode.createCard, async (request, reply) => {
    const { map, author, capabilities } = await authorizeAuthor(
      await request.getActor(),
      request.params.id,
    );
    const { stageId, laneId, text, fields } = request.body;
    await checkCell(map.id, stageId, laneId, capabilities);
    const card = await createPrivateCard(app.prisma, {
      mapId: map.id,
      author,
      stageId,
      laneId,
      text,
      fields,
    });
    await tellAuthor(map.id, author.key);
    return reply.status(201).send(card);
  });

  registerRoute(app, routes.privateMode.updateCard, async (request) => {
    const { map, author, capabilities } = await authorizeAuthor(
      await request.getActor(),
      request.params.id,
    );
    const change = request.body;
    if (change.stageId !== undefined || change.laneId !== undefined) {
      const current = (await listPrivateCards(app.prisma, map.id, author.key)).find(
        (card) => card.id === request.params.cardId,
      );
      if (!current) throw new AppError('PRIVATE_CARD_NOT_FOUND');
      await checkCell(
        map.id,
        change.stageId ?? current.stageId,
        change.laneId ?? current.laneId,
        capabilities,
      );
    }
    const card = await updatePrivateCard(app.prisma, {
      mapId: map.id,
      authorKey: author.key,
      cardId: request.params.cardId,
      change,
    });
    await tellAuthor(map.id, author.key);
    return card;
  });

  registerRoute(app, routes.privateMode.deleteCard, async (request) => {
    const { map, author } = await authorizeAuthor(await request.getActor(), request.params.id);
    await deletePrivateCard(app.prisma, {
      mapId: map.id,
      authorKey: author.key,
      cardId: request.params.cardId,
    });
    return { cards: await tellAuthor(map.id, author.key) };
  });
};
