import { z } from 'zod';
import { ZMapParams, ZPersonaParams, ZWorkspaceParams } from '../ids.ts';
import {
  ZCreatePersonaRequest,
  ZListMapPersonasResponse,
  ZListPersonasResponse,
  ZPersona,
  ZSetMapPersonasRequest,
  ZUpdatePersonaRequest,
} from '../personas.ts';
import { defineRoute, errors } from '../route.ts';

const failures = errors(400, 401, 403, 404);

/** Personas belong to a workspace (members read; editors and owners change) and link to its maps. */
export const personaRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/workspaces/:id/personas',
    summary: "The workspace's personas, with the maps each is linked to (members)",
    params: ZWorkspaceParams,
    responses: { 200: ZListPersonasResponse, ...failures },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/workspaces/:id/personas',
    summary: 'Create a persona (editors and owners)',
    params: ZWorkspaceParams,
    body: ZCreatePersonaRequest,
    responses: { 201: ZPersona, ...failures },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/personas/:id',
    summary: 'Get a persona (members of its workspace)',
    params: ZPersonaParams,
    responses: { 200: ZPersona, ...failures },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/personas/:id',
    summary: 'Change a persona (editors and owners)',
    params: ZPersonaParams,
    body: ZUpdatePersonaRequest,
    responses: { 200: ZPersona, ...failures },
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/personas/:id',
    summary: 'Delete a persona and unlink it from every map (editors and owners)',
    params: ZPersonaParams,
    responses: { 204: z.null(), ...failures },
  }),
  listForMap: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/personas',
    summary: 'The personas linked to the map, primary first (anyone who can see the map)',
    params: ZMapParams,
    responses: { 200: ZListMapPersonasResponse, ...failures },
  }),
  setForMap: defineRoute({
    method: 'PUT',
    path: '/api/maps/:id/personas',
    summary: "Replace the map's linked personas and pick the primary one (editors and owners)",
    params: ZMapParams,
    body: ZSetMapPersonasRequest,
    responses: { 200: ZListMapPersonasResponse, ...failures },
  }),
};
