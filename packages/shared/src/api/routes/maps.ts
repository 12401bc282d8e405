import { z } from 'zod';
import { ZMapParams } from '../ids.ts';
import {
  ZCreateMapRequest,
  ZImportIntoMapRequest,
  ZImportIntoMapResponse,
  ZImportMapRequest,
  ZJourneyMap,
  ZListMapsQuery,
  ZListMapsResponse,
  ZMoveMapRequest,
  ZMoveMapResponse,
  ZSearchMapsQuery,
  ZSearchMapsResponse,
  ZUpdateMapRequest,
} from '../maps.ts';
import { defineRoute, errors } from '../route.ts';
import { ZMapFileV1 } from '../../board/interchange/map-file.ts';

const failures = errors(400, 401, 403, 404);

/** Journey maps (their board content travels over the sync socket, not here). */
export const mapRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/maps',
    summary: "List the maps of the caller's workspaces (or of one)",
    query: ZListMapsQuery,
    responses: { 200: ZListMapsResponse, ...failures },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/maps',
    summary: 'Create a journey map from a template (default: in your personal workspace)',
    body: ZCreateMapRequest,
    responses: { 201: ZJourneyMap, ...failures },
  }),
  import: defineRoute({
    method: 'POST',
    path: '/api/maps/import',
    summary:
      'Create a journey map from a map file (format journeyboard-map, /schemas/journeyboard-map.v1.json), in one transaction',
    body: ZImportMapRequest,
    responses: { 201: ZJourneyMap, ...errors(400, 401, 403, 404, 413) },
  }),
  importInto: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/import',
    summary:
      'Import a map file into this map when it is empty (no cards, no emotion scores, the stages and lanes of a new blank map or none): its board replaces the empty one live for everyone connected, its personas are linked (a persona of the same name in the workspace is linked, others created). 409 when the map is not empty; nothing is written on failure',
    params: ZMapParams,
    body: ZImportIntoMapRequest,
    responses: { 200: ZImportIntoMapResponse, ...errors(400, 401, 403, 404, 409, 413) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/maps/:id',
    summary: 'Get a journey map',
    params: ZMapParams,
    responses: { 200: ZJourneyMap, ...failures },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/export',
    summary:
      'The map as a map file (format journeyboard-map, /schemas/journeyboard-map.v1.json): board, personas, vote results',
    params: ZMapParams,
    responses: { 200: ZMapFileV1, ...failures },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/maps/:id',
    summary: 'Rename or describe a journey map',
    params: ZMapParams,
    body: ZUpdateMapRequest,
    responses: { 200: ZJourneyMap, ...failures },
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/maps/:id',
    summary: 'Delete a journey map and its board (owners)',
    params: ZMapParams,
    responses: { 204: z.null(), ...failures },
  }),
  search: defineRoute({
    method: 'GET',
    path: '/api/search/maps',
    summary:
      'Find maps by title, description and card text in every workspace the caller belongs to (Postgres full-text search; the last word may be a prefix), best first',
    query: ZSearchMapsQuery,
    responses: { 200: ZSearchMapsResponse, ...failures },
  }),
  move: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/move',
    summary:
      'Move a map to another workspace (owners of both). Links, comments, votes and the board stay; linked personas of the old workspace are copied into the new one',
    params: ZMapParams,
    body: ZMoveMapRequest,
    responses: { 200: ZMoveMapResponse, ...failures },
  }),
};
