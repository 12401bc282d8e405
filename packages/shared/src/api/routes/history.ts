import {
  ZBoardVersion,
  ZCreateVersionRequest,
  ZListVersionsResponse,
  ZRestoreVersionResponse,
  ZVersionParams,
  ZVersionState,
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
  restore: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/versions/:versionId/restore',
    summary:
      'Bring the map back to a version as one change everyone connected receives; restore `before` to undo it',
    params: ZVersionParams,
    responses: { 200: ZRestoreVersionResponse, ...failures },
  }),
};
