import { routes, type MapAction, type TMyRatings } from '@journeyboard/shared';
import { readBoardOutline, type BoardOutline } from '@journeyboard/shared/board';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import { participantOf, type Actor } from '../../policy/actor.ts';
import { authorizeChild, authorizeMap } from '../../policy/policy.ts';
import { clearRating } from '../../services/ratings/clear-rating.ts';
import { countRatingProgress } from '../../services/ratings/count-rating-progress.ts';
import { getMyRatings } from '../../services/ratings/get-my-ratings.ts';
import { listRatingRounds, loadRatingRound } from '../../services/ratings/list-rating-rounds.ts';
import {
  publishMyRatings,
  publishRatingProgress,
  publishRatingRound,
} from '../../services/ratings/publish-ratings.ts';
import { rateStage } from '../../services/ratings/rate-stage.ts';
import { revealRatingRound } from '../../services/ratings/reveal-rating-round.ts';
import { closeRatingRound } from '../../services/ratings/close-rating-round.ts';
import { startRatingRound } from '../../services/ratings/start-rating-round.ts';
import { registerRoute } from '../register-route.ts';

/**
 * "Everyone rates". Facilitators (`workshop.facilitate`) open a round on an
 * emotion lane and reveal it; participants (`emotion.rate`) set and clear
 * their own score per stage; everyone on the map reads rounds and — once
 * revealed — the room's scores. While a round runs, a rater's scores go only
 * to that rater: in REST answers and on the event stream (`my-ratings`,
 * addressed to them). The reveal sends everything to everyone at once, and
 * closing a revealed round takes its scores off everyone's board.
 */
export const ratingRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The board's stages and lanes; a copy of a board open elsewhere may be a moment old. */
  const outline = async (mapId: string, has: (board: BoardOutline) => boolean) => {
    const board = await app.sync.readBoard(mapId, readBoardOutline);
    if (board && has(board)) return board;
    return (await app.sync.readBoard(mapId, readBoardOutline, { fresh: true })) ?? null;
  };

  /** The round, and who is rating in it (a participant who may rate). */
  /** The round of `/api/rating-rounds/:id` and the caller's access to its map, if they may `action`. */
  const authorizeRound = async (
    request: { getActor(): Promise<Actor>; params: { id: string } },
    action: MapAction,
  ) =>
    authorizeChild(app.prisma, await request.getActor(), 'rating-round', request.params.id, action);

  async function authorizeRater(actor: Actor, roundId: string) {
    const { child: round, access } = await authorizeChild(
      app.prisma,
      actor,
      'rating-round',
      roundId,
      'emotion.rate',
    );
    const rater = participantOf(actor, access.map.id);
    if (!rater) throw new AppError('FORBIDDEN');
    return { round, map: access.map, rater };
  }

  registerRoute(app, routes.ratings.list, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'map.read');
    return { rounds: await listRatingRounds(app.prisma, map.id) };
  });

  registerRoute(app, routes.ratings.start, async (request, reply) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.facilitate');
    const { laneId, anonymous } = request.body;
    const board = await outline(map.id, (b) => b.lanes.some((lane) => lane.id === laneId));
    const lane = board?.lanes.find((item) => item.id === laneId);
    if (!lane || lane.kind !== 'emotion') throw new AppError('NOT_AN_EMOTION_LANE');
    const round = await startRatingRound(app.prisma, {
      mapId: map.id,
      lane: { id: lane.id, title: lane.title },
      anonymous,
      startedByName: participantOf(actor, map.id)?.name ?? 'A facilitator',
    });
    await publishRatingRound(app.sync, app.mapEvents, round);
    return reply.status(201).send(round);
  });

  registerRoute(app, routes.ratings.get, async (request) => {
    const { child } = await authorizeRound(request, 'map.read');
    return loadRatingRound(app.prisma, child.id);
  });

  registerRoute(app, routes.ratings.reveal, async (request) => {
    const { child, access } = await authorizeRound(request, 'workshop.facilitate');
    const board = await app.sync.readBoard(access.map.id, readBoardOutline, { fresh: true });
    const round = await revealRatingRound(app.prisma, child.id, board?.stages ?? []);
    await publishRatingRound(app.sync, app.mapEvents, round);
    return round;
  });

  registerRoute(app, routes.ratings.close, async (request) => {
    const { child } = await authorizeRound(request, 'workshop.facilitate');
    const { round, changed } = await closeRatingRound(app.prisma, child.id);
    if (changed) await publishRatingRound(app.sync, app.mapEvents, round);
    return round;
  });

  registerRoute(app, routes.ratings.progress, async (request) => {
    const { child } = await authorizeRound(request, 'workshop.facilitate');
    return countRatingProgress(app.prisma, child.id);
  });

  /**
   * After a score or a clear: the rater's scores to them, the new counts to facilitators
   * (who would otherwise reveal blind, not knowing whether the room has finished).
   */
  async function publishRatingChange(mapId: string, raterKey: string, mine: TMyRatings) {
    publishMyRatings(app.mapEvents, mapId, raterKey, mine);
    publishRatingProgress(
      app.mapEvents,
      mapId,
      await countRatingProgress(app.prisma, mine.roundId),
    );
  }

  registerRoute(app, routes.ratings.mine, async (request) => {
    const { round, rater } = await authorizeRater(await request.getActor(), request.params.id);
    return getMyRatings(app.prisma, round.id, rater.key);
  });

  registerRoute(app, routes.ratings.rate, async (request) => {
    const { round, map, rater } = await authorizeRater(await request.getActor(), request.params.id);
    const { stageId } = request.params;
    const board = await outline(map.id, (b) => b.stages.some((stage) => stage.id === stageId));
    const stage = board?.stages.find((item) => item.id === stageId);
    if (!stage) throw new AppError('STAGE_NOT_ON_BOARD');
    const mine = await rateStage(app.prisma, round.id, rater, stage, request.body.score);
    await publishRatingChange(map.id, rater.key, mine);
    return mine;
  });

  registerRoute(app, routes.ratings.clear, async (request) => {
    const { round, map, rater } = await authorizeRater(await request.getActor(), request.params.id);
    const mine = await clearRating(app.prisma, round.id, rater.key, request.params.stageId);
    await publishRatingChange(map.id, rater.key, mine);
    return mine;
  });
};
