import {
  ZCreatePersonaRequest,
  ZErrorResponse,
  ZIdParams,
  ZListMapPersonasResponse,
  ZListPersonasResponse,
  ZMapParams,
  ZPersona,
  ZSetMapPersonasRequest,
  ZUpdatePersonaRequest,
} from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../policy/actor.ts';
import {
  authorizeChild,
  authorizeMap,
  authorizeWorkspace,
  type WorkspaceAction,
} from '../../policy/policy.ts';
import { createPersona } from '../../services/personas/create-persona.ts';
import { deletePersona } from '../../services/personas/delete-persona.ts';
import { getPersona } from '../../services/personas/get-persona.ts';
import { listMapPersonas } from '../../services/personas/list-map-personas.ts';
import { listPersonas } from '../../services/personas/list-personas.ts';
import { setMapPersonas } from '../../services/personas/set-map-personas.ts';
import { updatePersona } from '../../services/personas/update-persona.ts';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
};

/** Personas belong to a workspace (members read; editors and owners change) and link to its maps. */
export const personaRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A persona of a workspace you're not in is simply "not found". */
  async function authorizePersona(actor: Actor, personaId: string, action: WorkspaceAction) {
    const { child } = await authorizeChild(app.prisma, actor, 'persona', personaId, action);
    return child.id;
  }

  app.get(
    '/api/workspaces/:id/personas',
    {
      schema: {
        summary: "The workspace's personas, with the maps each is linked to (members)",
        params: ZIdParams,
        response: { 200: ZListPersonasResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await request.getActor();
      await authorizeWorkspace(app.prisma, actor, request.params.id, 'workspace.read');
      return { personas: await listPersonas(app.prisma, request.params.id.toLowerCase()) };
    },
  );

  app.post(
    '/api/workspaces/:id/personas',
    {
      schema: {
        summary: 'Create a persona (editors and owners)',
        params: ZIdParams,
        body: ZCreatePersonaRequest,
        response: { 201: ZPersona, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await request.getActor();
      const { user } = await authorizeWorkspace(
        app.prisma,
        actor,
        request.params.id,
        'personas.manage',
      );
      const persona = await createPersona(
        app.prisma,
        request.params.id.toLowerCase(),
        user.id,
        request.body,
      );
      return reply.status(201).send(persona);
    },
  );

  app.get(
    '/api/personas/:id',
    {
      schema: {
        summary: 'Get a persona (members of its workspace)',
        params: ZIdParams,
        response: { 200: ZPersona, ...errors },
      },
    },
    async (request) => {
      const id = await authorizePersona(
        await request.getActor(),
        request.params.id,
        'workspace.read',
      );
      return getPersona(app.prisma, id);
    },
  );

  app.patch(
    '/api/personas/:id',
    {
      schema: {
        summary: 'Change a persona (editors and owners)',
        params: ZIdParams,
        body: ZUpdatePersonaRequest,
        response: { 200: ZPersona, ...errors },
      },
    },
    async (request) => {
      const id = await authorizePersona(
        await request.getActor(),
        request.params.id,
        'personas.manage',
      );
      return updatePersona(app.prisma, id, request.body);
    },
  );

  app.delete(
    '/api/personas/:id',
    {
      schema: {
        summary: 'Delete a persona and unlink it from every map (editors and owners)',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const id = await authorizePersona(
        await request.getActor(),
        request.params.id,
        'personas.manage',
      );
      await deletePersona(app.prisma, id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/maps/:id/personas',
    {
      schema: {
        summary: 'The personas linked to the map, primary first (anyone who can see the map)',
        params: ZMapParams,
        response: { 200: ZListMapPersonasResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'map.read');
      return { personas: await listMapPersonas(app.prisma, map.id) };
    },
  );

  app.put(
    '/api/maps/:id/personas',
    {
      schema: {
        summary: "Replace the map's linked personas and pick the primary one (editors and owners)",
        params: ZMapParams,
        body: ZSetMapPersonasRequest,
        response: { 200: ZListMapPersonasResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'personas.link');
      return { personas: await setMapPersonas(app.prisma, map, request.body) };
    },
  );
};
