import { routes, type TBallot } from '@journeyboard/shared';
import { findPlacedCard } from '@journeyboard/shared/board';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import { participantOf, type Actor } from '../../policy/actor.ts';
import { authorizeChild, authorizeMap } from '../../policy/policy.ts';
import { castVote } from '../../services/voting/cast-vote.ts';
import { getBallot } from '../../services/voting/get-ballot.ts';
import { listLatestVoteResults } from '../../services/voting/list-latest-vote-results.ts';
import { listVoteRounds } from '../../services/voting/list-vote-rounds.ts';
import { loadVoteRound } from '../../services/voting/load-vote-round.ts';
import { recordVersion } from '../../services/history/record-version.ts';
import { HISTORY_READERS } from '../../services/map-events/map-event-bus.ts';
import { countVoteProgress } from '../../services/voting/count-vote-progress.ts';
import {
  publishBallot,
  publishVoteProgress,
  publishVoteRound,
} from '../../services/voting/publish-voting.ts';
import { authorOfActor } from '../../sync/attribution.ts';
import { revealVoteRound } from '../../services/voting/reveal-vote-round.ts';
import { startVoteRound } from '../../services/voting/start-vote-round.ts';
import { isVotable } from '../../services/voting/tally-votes.ts';
import { takeBackVote } from '../../services/voting/take-back-vote.ts';
import { registerRoute } from '../register-route.ts';

/**
 * Dot voting. Facilitators (`workshop.facilitate`) start and end rounds;
 * participants (`vote.cast`: members who take part and workshop guests)
 * place and take back their own votes; everyone on the map reads rounds and
 * — once a round has ended — its results. While a round runs, a voter's
 * votes go only to that voter: in REST answers (their ballot) and on the
 * event stream (a `ballot` event addressed to them). The reveal sends the
 * results to everyone at once.
 */
export const votingRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The round, and who is voting in it (a participant who may vote). */
  async function authorizeVoter(actor: Actor, roundId: string) {
    const { child: round, access } = await authorizeChild(
      app.prisma,
      actor,
      'vote-round',
      roundId,
      'vote.cast',
    );
    const voter = participantOf(actor, access.map.id);
    if (!voter) throw new AppError('FORBIDDEN');
    return { round, map: access.map, voter };
  }

  registerRoute(app, routes.voting.list, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'map.read');
    return { rounds: await listVoteRounds(app.prisma, map.id) };
  });

  registerRoute(app, routes.voting.start, async (request, reply) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.facilitate');
    const name = participantOf(actor, map.id)?.name ?? 'A facilitator';
    const round = await startVoteRound(app.prisma, map.id, name, request.body);
    await publishVoteRound(app.sync, app.mapEvents, round);
    app.voteRoundDeadlines.watch(round);
    return reply.status(201).send(round);
  });

  registerRoute(app, routes.voting.latestResults, async (request) => {
    const actor = await request.getActor();
    const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'map.read');
    return listLatestVoteResults(app.prisma, map.id);
  });

  registerRoute(app, routes.voting.get, async (request) => {
    const { child } = await authorizeChild(
      app.prisma,
      await request.getActor(),
      'vote-round',
      request.params.id,
      'map.read',
    );
    return loadVoteRound(app.prisma, child.id);
  });

  registerRoute(app, routes.voting.end, async (request) => {
    const { child, access } = await authorizeChild(
      app.prisma,
      await request.getActor(),
      'vote-round',
      request.params.id,
      'workshop.facilitate',
    );
    const actor = await request.getActor();
    const round = await revealVoteRound(app.prisma, app.sync, {
      id: child.id,
      mapId: access.map.id,
    });
    await publishVoteRound(app.sync, app.mapEvents, round);
    // The end of a facilitation round is a moment worth keeping: an automatic
    // version (none when nothing changed since the last one). The round has
    // ended either way; a failure here is only logged.
    try {
      const version = await recordVersion(
        app.prisma,
        app.sync,
        access.map.id,
        authorOfActor(actor, access.map.id),
        { kind: 'auto', reason: 'round' },
      );
      if (version) {
        app.mapEvents.publish(access.map.id, { type: 'version-created', version }, HISTORY_READERS);
      }
    } catch (error) {
      request.log.error({ err: error, mapId: access.map.id }, 'the end-of-round version failed');
    }
    return round;
  });

  registerRoute(app, routes.voting.ballot, async (request) => {
    const { round, voter } = await authorizeVoter(await request.getActor(), request.params.id);
    return getBallot(app.prisma, round, voter.key);
  });

  registerRoute(app, routes.voting.progress, async (request) => {
    const { child } = await authorizeChild(
      app.prisma,
      await request.getActor(),
      'vote-round',
      request.params.id,
      'workshop.facilitate',
    );
    return countVoteProgress(app.prisma, child.id);
  });

  /** After a vote or a take-back: the voter's ballot to them, the new counts to facilitators. */
  async function publishVoteChange(mapId: string, voterKey: string, ballot: TBallot) {
    publishBallot(app.mapEvents, mapId, voterKey, ballot);
    publishVoteProgress(app.mapEvents, mapId, await countVoteProgress(app.prisma, ballot.roundId));
  }

  registerRoute(app, routes.voting.vote, async (request) => {
    const { round, map, voter } = await authorizeVoter(await request.getActor(), request.params.id);
    const { cardId } = request.body;
    // The card must be on the board, in a lane of the round. A copy of a
    // board open elsewhere may predate a card made a moment ago: look again.
    const find = (fresh: boolean) =>
      app.sync.readBoard(map.id, (doc) => findPlacedCard(doc, cardId), { fresh });
    const card = (await find(false)) ?? (await find(true));
    if (!card || !isVotable(round, card)) throw new AppError('CARD_NOT_VOTABLE');
    const ballot = await castVote(app.prisma, round.id, voter, card);
    await publishVoteChange(map.id, voter.key, ballot);
    return ballot;
  });

  registerRoute(app, routes.voting.takeBack, async (request) => {
    const { round, map, voter } = await authorizeVoter(await request.getActor(), request.params.id);
    const ballot = await takeBackVote(app.prisma, round.id, voter.key, request.params.cardId);
    await publishVoteChange(map.id, voter.key, ballot);
    return ballot;
  });
};
