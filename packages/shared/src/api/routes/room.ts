import { ZHandParams, ZHandsResponse } from '../hands.ts';
import { ZMapParams } from '../ids.ts';
import {
  ZListRatingRoundsResponse,
  ZMyRatings,
  ZRateRequest,
  ZRatingProgress,
  ZRatingParams,
  ZRatingRound,
  ZRatingRoundParams,
  ZStartRatingRoundRequest,
} from '../ratings.ts';
import { defineRoute, errors } from '../route.ts';

const failures = errors(400, 401, 403, 404, 409);

/**
 * "Everyone rates" (each participant's own emotion score per stage):
 * facilitators (`workshop.facilitate`) start, reveal and close rounds, participants
 * (`emotion.rate`) set and clear their own scores, everyone on the map reads
 * rounds and — once revealed — the room's scores.
 */
export const ratingRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/rating-rounds',
    summary: "The map's rating rounds, newest first (revealed ones with the room's scores)",
    params: ZMapParams,
    responses: { 200: ZListRatingRoundsResponse, ...failures },
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/rating-rounds',
    summary: 'Open "Everyone rates" on an emotion lane (facilitators); 409 RATING_ROUND_RUNNING',
    params: ZMapParams,
    body: ZStartRatingRoundRequest,
    responses: { 201: ZRatingRound, ...failures },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/rating-rounds/:id',
    summary: "One rating round (the room's scores once revealed)",
    params: ZRatingRoundParams,
    responses: { 200: ZRatingRound, ...failures },
  }),
  reveal: defineRoute({
    method: 'POST',
    path: '/api/rating-rounds/:id/reveal',
    summary: "End the round and reveal everyone's scores, mean and spread (facilitators)",
    params: ZRatingRoundParams,
    responses: { 200: ZRatingRound, ...failures },
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/rating-rounds/:id/close',
    summary:
      "Take a revealed round's scores off the emotion lane for everyone (facilitators); the results stay in the round. 409 RATING_ROUND_NOT_REVEALED",
    params: ZRatingRoundParams,
    responses: { 200: ZRatingRound, ...failures },
  }),
  progress: defineRoute({
    method: 'GET',
    path: '/api/rating-rounds/:id/progress',
    summary: 'How many people have rated in the running round, and how many scores (facilitators)',
    params: ZRatingRoundParams,
    responses: { 200: ZRatingProgress, ...failures },
  }),
  mine: defineRoute({
    method: 'GET',
    path: '/api/rating-rounds/:id/mine',
    summary: 'Your own scores in the round',
    params: ZRatingRoundParams,
    responses: { 200: ZMyRatings, ...failures },
  }),
  rate: defineRoute({
    method: 'PUT',
    path: '/api/rating-rounds/:id/scores/:stageId',
    summary: 'Set your own score (−2…+2) for one stage (participants)',
    params: ZRatingParams,
    body: ZRateRequest,
    responses: { 200: ZMyRatings, ...failures },
  }),
  clear: defineRoute({
    method: 'DELETE',
    path: '/api/rating-rounds/:id/scores/:stageId',
    summary: 'Clear your own score for one stage (participants)',
    params: ZRatingParams,
    responses: { 200: ZMyRatings, ...failures },
  }),
};

/**
 * Raised hands, in the order they went up: everyone on the map reads them;
 * participants (`workshop.participate`) raise and lower their own,
 * facilitators lower anyone's, or all.
 */
export const handRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/hands',
    summary: 'The raised hands, first raised first (and which is yours)',
    params: ZMapParams,
    responses: { 200: ZHandsResponse, ...failures },
  }),
  raise: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/hands',
    summary: 'Raise your hand (participants; raising it again keeps your place)',
    params: ZMapParams,
    responses: { 200: ZHandsResponse, ...failures },
  }),
  lowerOwn: defineRoute({
    method: 'DELETE',
    path: '/api/maps/:id/hands/own',
    summary: 'Lower your own hand (participants; lowering a lowered hand changes nothing)',
    params: ZMapParams,
    responses: { 200: ZHandsResponse, ...failures },
  }),
  lower: defineRoute({
    method: 'DELETE',
    path: '/api/maps/:id/hands/:handId',
    summary: "Lower someone's hand (facilitators); 404 HAND_NOT_FOUND",
    params: ZHandParams,
    responses: { 200: ZHandsResponse, ...failures },
  }),
  lowerAll: defineRoute({
    method: 'DELETE',
    path: '/api/maps/:id/hands',
    summary: 'Lower every raised hand (facilitators)',
    params: ZMapParams,
    responses: { 200: ZHandsResponse, ...failures },
  }),
};
