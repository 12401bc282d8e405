import {
  ZActivityQuery,
  ZActivityResponse,
  ZBoardVersion,
  ZChangesQuery,
  ZChangesResponse,
  ZCreateVersionRequest,
  ZLastReviewResponse,
  ZListVersionsResponse,
  ZRestoreVersionResponse,
  ZVersionParams,
  ZVersionState,
  ZVisitResponse,
} from '../history.ts';
import { ZMapParams } from '../ids.ts';
import { defineRoute, errors } from '../route.ts';

const failures = errors(400, 401, 403, 404, 409);

/**
 * A map's versions: everyone who can read the map lists and opens them
 * (`version.read`), editors name them (`version.create`) and restore them
 * (`version.restore`). Creating and restoring are published on the map's
 * event stream (`version-created`, `version-restored`).
 */
export const versionRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/versions',
    summary: "The map's versions, newest first (named and automatic)",
    params: ZMapParams,
    responses: { 200: ZListVersionsResponse, ...failures },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/versions',
    summary: 'Name the board as it is now ("Before Q3 workshop")',
    params: ZMapParams,
    body: ZCreateVersionRequest,
    responses: { 201: ZBoardVersion, ...failures },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/versions/:versionId',
    summary: 'One version with its whole board (base64 Yjs state), to show it read-only',
    params: ZVersionParams,
    responses: { 200: ZVersionState, ...failures },
  }),
  lastReview: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/last-review',
    summary:
      'The version "since the last review" compares with: the newest reviewed one, else the newest named one; null while there is neither',
    params: ZMapParams,
    responses: { 200: ZLastReviewResponse, ...failures },
  }),
  restore: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/versions/:versionId/restore',
    summary:
      'Bring the map back to a version as one change everyone connected receives; restore `before` to undo it',
    params: ZVersionParams,
    responses: { 200: ZRestoreVersionResponse, ...failures },
  }),
};

/**
 * What happened on a map, for everyone who can read it (`version.read`):
 * the activity feed, and what changed between two points.
 */
export const historyRoutes = {
  activity: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/activity',
    summary:
      "The map's activity feed, newest first: who did what, in sentences (paged; filter by person, stage or card)",
    params: ZMapParams,
    query: ZActivityQuery,
    responses: { 200: ZActivityResponse, ...failures },
  }),
  changes: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/changes',
    summary:
      'What changed between two points (version ids, "last-visit", ISO times or "now"), card by card, with who and when',
    params: ZMapParams,
    query: ZChangesQuery,
    responses: { 200: ZChangesResponse, ...failures },
  }),
  visit: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/visit',
    summary:
      'Record that you opened the map; answers your previous visit (accounts; workshop guests and share links have no account to remember it for: null)',
    params: ZMapParams,
    responses: { 200: ZVisitResponse, ...failures },
  }),
};
