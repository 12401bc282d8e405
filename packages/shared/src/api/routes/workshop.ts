import { ZMapParams } from '../ids.ts';
import { ZBoardLock, ZMapLocks } from '../locks.ts';
import { ZFacilitation, ZSpotlightRequest, ZSummonRequest } from '../facilitation.ts';
import {
  ZCreatePrivateCardRequest,
  ZEndPrivateModeRequest,
  ZPrivateCard,
  ZPrivateCardParams,
  ZPrivateCardsResponse,
  ZPrivateMode,
  ZPrivateModeProgress,
  ZUpdatePrivateCardRequest,
} from '../private-mode.ts';
import { defineRoute, errors } from '../route.ts';
import { ZExtendTimerRequest, ZStartTimerRequest, ZTimer } from '../timer.ts';
import {
  ZBallot,
  ZVoteProgress,
  ZCastVoteRequest,
  ZLatestVoteResultsResponse,
  ZListVoteRoundsResponse,
  ZStartVoteRoundRequest,
  ZVoteParams,
  ZVoteRound,
  ZVoteRoundParams,
} from '../voting.ts';

const failures = errors(400, 401, 403, 404, 409);

/**
 * The map's workshop timer: everyone on the map reads it, facilitators
 * (`workshop.facilitate`) change it.
 */
export const timerRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/timer',
    summary: "The map's timer now (with the server's clock, `now`)",
    params: ZMapParams,
    responses: { 200: ZTimer, ...failures },
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/timer',
    summary: 'Start the timer from durationSeconds (restarts a running one; facilitators)',
    params: ZMapParams,
    body: ZStartTimerRequest,
    responses: { 200: ZTimer, ...failures },
  }),
  pause: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/timer/pause',
    summary: 'Pause the running timer (facilitators); 409 TIMER_NOT_RUNNING',
    params: ZMapParams,
    responses: { 200: ZTimer, ...failures },
  }),
  resume: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/timer/resume',
    summary: 'Resume the paused timer (facilitators); 409 TIMER_NOT_PAUSED',
    params: ZMapParams,
    responses: { 200: ZTimer, ...failures },
  }),
  extend: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/timer/extend',
    summary: 'Add time (default a minute) to the running or paused timer (facilitators)',
    params: ZMapParams,
    body: ZExtendTimerRequest,
    responses: { 200: ZTimer, ...failures },
  }),
  stop: defineRoute({
    method: 'DELETE',
    path: '/api/maps/:id/timer',
    summary: 'Stop the timer (facilitators); stopping a stopped timer changes nothing',
    params: ZMapParams,
    responses: { 200: ZTimer, ...failures },
  }),
};

/**
 * Dot voting: facilitators start and end rounds, participants (`vote.cast`)
 * place and take back their own votes, everyone on the map reads rounds and
 * — once ended — their results.
 */
export const votingRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/vote-rounds',
    summary: "The map's voting rounds, newest first (ended ones with their results)",
    params: ZMapParams,
    responses: { 200: ZListVoteRoundsResponse, ...failures },
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/vote-rounds',
    summary: 'Start a voting round (facilitators); 409 VOTE_ROUND_RUNNING',
    params: ZMapParams,
    body: ZStartVoteRoundRequest,
    responses: { 201: ZVoteRound, ...failures },
  }),
  latestResults: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/vote-results',
    summary: 'The latest voting result of every card that was in an ended round',
    params: ZMapParams,
    responses: { 200: ZLatestVoteResultsResponse, ...failures },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/vote-rounds/:id',
    summary: 'One voting round (its results once it has ended)',
    params: ZVoteRoundParams,
    responses: { 200: ZVoteRound, ...failures },
  }),
  end: defineRoute({
    method: 'POST',
    path: '/api/vote-rounds/:id/end',
    summary: 'End the round and reveal the results to everyone (facilitators)',
    params: ZVoteRoundParams,
    responses: { 200: ZVoteRound, ...failures },
  }),
  ballot: defineRoute({
    method: 'GET',
    path: '/api/vote-rounds/:id/ballot',
    summary: 'Your own votes in the round, and how many you have left',
    params: ZVoteRoundParams,
    responses: { 200: ZBallot, ...failures },
  }),
  progress: defineRoute({
    method: 'GET',
    path: '/api/vote-rounds/:id/progress',
    summary: 'How many people have voted in the round so far, and how many votes (facilitators)',
    params: ZVoteRoundParams,
    responses: { 200: ZVoteProgress, ...failures },
  }),
  vote: defineRoute({
    method: 'POST',
    path: '/api/vote-rounds/:id/votes',
    summary: 'Place one of your votes on a card (participants)',
    params: ZVoteRoundParams,
    body: ZCastVoteRequest,
    responses: { 200: ZBallot, ...failures },
  }),
  takeBack: defineRoute({
    method: 'DELETE',
    path: '/api/vote-rounds/:id/votes/:cardId',
    summary: 'Take one of your votes back from a card (participants)',
    params: ZVoteParams,
    responses: { 200: ZBallot, ...failures },
  }),
};

/**
 * Facilitator locks (what each covers: packages/shared/src/board/locks.ts):
 * everyone on the map reads them, facilitators (`workshop.facilitate`) set
 * and lift them. The sync server enforces them on every participant's update.
 */
export const lockRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/locks',
    summary: "The map's locks",
    params: ZMapParams,
    responses: { 200: ZMapLocks, ...failures },
  }),
  lock: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/locks',
    summary: 'Lock the board, its structure, or one stage, lane or card (facilitators; idempotent)',
    params: ZMapParams,
    body: ZBoardLock,
    responses: { 200: ZMapLocks, ...failures },
  }),
  unlock: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/locks/unlock',
    summary: 'Lift one lock (facilitators; lifting one that is not set changes nothing)',
    params: ZMapParams,
    body: ZBoardLock,
    responses: { 200: ZMapLocks, ...failures },
  }),
};

/**
 * "Bring everyone to me" and the stage spotlight: everyone on the map reads
 * the state (and gets it live on the map event stream), facilitators change it.
 */
export const facilitationRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/facilitation',
    summary: 'Who everyone follows (summon) and the spotlit stage',
    params: ZMapParams,
    responses: { 200: ZFacilitation, ...failures },
  }),
  summon: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/facilitation/summon',
    summary:
      "Bring everyone to the facilitator's viewport, or move it while summoning (facilitators)",
    params: ZMapParams,
    body: ZSummonRequest,
    responses: { 200: ZFacilitation, ...failures },
  }),
  endSummon: defineRoute({
    method: 'DELETE',
    path: '/api/maps/:id/facilitation/summon',
    summary: 'Stop bringing everyone along (facilitators)',
    params: ZMapParams,
    responses: { 200: ZFacilitation, ...failures },
  }),
  spotlight: defineRoute({
    method: 'PUT',
    path: '/api/maps/:id/facilitation/spotlight',
    summary: 'Spotlight a stage for everyone, or end it with stageId null (facilitators)',
    params: ZMapParams,
    body: ZSpotlightRequest,
    responses: { 200: ZFacilitation, ...failures },
  }),
};

/**
 * The silent brainstorm (private mode): facilitators start and end it (the
 * end reveals every private card into the board at once); everyone on the
 * map reads whether it runs. While it runs, a participant (`board.edit`)
 * writes private cards that only they ever receive — the shared board is
 * read-only for participants meanwhile (enforced on the sync socket).
 */
export const privateModeRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/private-mode',
    summary: 'Whether a silent brainstorm runs, and what the last reveal showed',
    params: ZMapParams,
    responses: { 200: ZPrivateMode, ...failures },
  }),
  progress: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/private-mode/progress',
    summary:
      "A brainstorm's progress for its facilitators: private cards written, and by how many people (counts only)",
    params: ZMapParams,
    responses: { 200: ZPrivateModeProgress, ...failures },
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/private-mode',
    summary: 'Start a silent brainstorm (facilitators); 409 PRIVATE_MODE_RUNNING',
    params: ZMapParams,
    responses: { 200: ZPrivateMode, ...failures },
  }),
  end: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/private-mode/end',
    summary:
      'End the silent brainstorm and reveal every private card at once, optionally without names (facilitators; ending an ended one changes nothing)',
    params: ZMapParams,
    body: ZEndPrivateModeRequest,
    responses: { 200: ZPrivateMode, ...failures },
  }),
  listCards: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/private-cards',
    summary: "Your own private cards of the running silent brainstorm (nobody else's)",
    params: ZMapParams,
    responses: { 200: ZPrivateCardsResponse, ...failures },
  }),
  createCard: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/private-cards',
    summary:
      'Write a private card in a cell while a silent brainstorm runs (participants); 409 PRIVATE_MODE_NOT_RUNNING',
    params: ZMapParams,
    body: ZCreatePrivateCardRequest,
    responses: { 201: ZPrivateCard, ...failures },
  }),
  updateCard: defineRoute({
    method: 'PATCH',
    path: '/api/maps/:id/private-cards/:cardId',
    summary: 'Change one of your private cards (text, fields, cell) while the brainstorm runs',
    params: ZPrivateCardParams,
    body: ZUpdatePrivateCardRequest,
    responses: { 200: ZPrivateCard, ...failures },
  }),
  deleteCard: defineRoute({
    method: 'DELETE',
    path: '/api/maps/:id/private-cards/:cardId',
    summary: 'Delete one of your private cards while the brainstorm runs',
    params: ZPrivateCardParams,
    responses: { 200: ZPrivateCardsResponse, ...failures },
  }),
};
