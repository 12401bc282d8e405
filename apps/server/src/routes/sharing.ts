import {
  ZCreateShareLinkRequest,
  ZCreateShareLinkResponse,
  ZCreateWorkshopLinkRequest,
  ZCreateWorkshopLinkResponse,
  ZErrorResponse,
  ZIdParams,
  ZJoinWorkshopRequest,
  ZJoinWorkshopResponse,
  ZListShareLinksResponse,
  ZListWorkshopLinksResponse,
  ZMapParams,
  ZOpenLinkRequest,
  ZOpenShareLinkResponse,
  ZShareLink,
  ZUpdateShareLinkRequest,
} from '@journeyboard/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicOrigin, setAuthCookie } from '../plugins/session-cookie.ts';
import { GUEST_COOKIE } from '../policy/credentials.ts';
import { authorizeChild, authorizeMap } from '../policy/policy.ts';
import { grantKey } from '../sync/access.ts';
import { createShareLink } from '../services/sharing/create-share-link.ts';
import { createWorkshopLink } from '../services/sharing/create-workshop-link.ts';
import { joinWorkshop } from '../services/sharing/join-workshop.ts';
import { listShareLinks } from '../services/sharing/list-share-links.ts';
import { listWorkshopLinks } from '../services/sharing/list-workshop-links.ts';
import { openShareLink } from '../services/sharing/open-share-link.ts';
import { revokeShareLink } from '../services/sharing/revoke-share-link.ts';
import { revokeWorkshopLink } from '../services/sharing/revoke-workshop-link.ts';
import { updateShareLink } from '../services/sharing/update-share-link.ts';

/** What differs between the two kinds of link when revoking one. */
const LINK_KINDS = {
  share: { child: 'share-link', manage: 'share.manage', revoke: revokeShareLink },
  workshop: { child: 'workshop-link', manage: 'workshop.manage', revoke: revokeWorkshopLink },
} as const;
type LinkKind = keyof typeof LINK_KINDS;

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  410: ZErrorResponse,
};

/**
 * Read-only share links (owners) and workshop join links (editors). Tokens
 * travel in bodies, never in API URLs (logs); they are shown once, at
 * creation, and stored hashed.
 */
export const sharingRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * Revoking either kind of link: authorise on the link's map (a link the
   * caller may not manage is "not found"), revoke it, and close every socket
   * it opened — on every instance.
   */
  const revokeLink = async (request: FastifyRequest, kind: LinkKind, rawId: string) => {
    const { child, manage, revoke } = LINK_KINDS[kind];
    const link = await authorizeChild(app.prisma, await request.getActor(), child, rawId, manage);
    await revoke(app.prisma, link.child.id);
    app.sync.revoke(grantKey[kind](link.child.id));
  };

  app.post(
    '/api/maps/:id/share-links',
    {
      schema: {
        summary: 'Create a read-only link to the map (owners)',
        params: ZMapParams,
        body: ZCreateShareLinkRequest,
        response: { 201: ZCreateShareLinkResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'share.manage');
      const origin = publicOrigin(request, app.config.auth);
      const link = await createShareLink(
        app.prisma,
        map.id,
        actor.user?.user.id ?? null,
        request.body,
        origin,
      );
      return reply.status(201).send(link);
    },
  );

  app.get(
    '/api/maps/:id/share-links',
    {
      schema: {
        summary: "The map's active read-only links (owners)",
        params: ZMapParams,
        response: { 200: ZListShareLinksResponse, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'share.manage',
      );
      return { links: await listShareLinks(app.prisma, map.id) };
    },
  );

  app.delete(
    '/api/share-links/:id',
    {
      schema: {
        summary: 'Revoke a read-only link; its open views close within a second',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeLink(request, 'share', request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/share-links/:id',
    {
      schema: {
        summary: 'Turn comments on or off for a read-only link (owners)',
        params: ZIdParams,
        body: ZUpdateShareLinkRequest,
        response: { 200: ZShareLink, ...errors },
      },
    },
    async (request) => {
      const { child } = await authorizeChild(
        app.prisma,
        await request.getActor(),
        'share-link',
        request.params.id,
        'share.manage',
      );
      return updateShareLink(app.prisma, child.id, request.body);
    },
  );

  app.post(
    '/api/share-links/open',
    {
      schema: {
        summary: 'What a read-only link shows (no account needed)',
        body: ZOpenLinkRequest,
        response: { 200: ZOpenShareLinkResponse, ...errors },
      },
    },
    async (request) => openShareLink(app.prisma, request.body.token),
  );

  app.post(
    '/api/maps/:id/workshop-links',
    {
      schema: {
        summary: 'Create a workshop join link: edit this board with a name only (editors)',
        params: ZMapParams,
        body: ZCreateWorkshopLinkRequest,
        response: { 201: ZCreateWorkshopLinkResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.manage');
      const origin = publicOrigin(request, app.config.auth);
      const link = await createWorkshopLink(
        app.prisma,
        map.id,
        actor.user?.user.id ?? null,
        request.body,
        origin,
      );
      return reply.status(201).send(link);
    },
  );

  app.get(
    '/api/maps/:id/workshop-links',
    {
      schema: {
        summary: "The map's active workshop links (editors)",
        params: ZMapParams,
        response: { 200: ZListWorkshopLinksResponse, ...errors },
      },
    },
    async (request) => {
      const { map } = await authorizeMap(
        app.prisma,
        await request.getActor(),
        request.params.id,
        'workshop.manage',
      );
      return { links: await listWorkshopLinks(app.prisma, map.id) };
    },
  );

  app.delete(
    '/api/workshop-links/:id',
    {
      schema: {
        summary: 'Revoke a workshop link; its participants are disconnected and signed out',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeLink(request, 'workshop', request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/workshop-links/join',
    {
      config: {
        rateLimit: {
          max: app.config.auth.rateLimitMax,
          timeWindow: app.config.auth.rateLimitWindowMs,
        },
      },
      schema: {
        summary: 'Join a workshop with a display name (no account); sets the guest cookie',
        body: ZJoinWorkshopRequest,
        response: { 201: ZJoinWorkshopResponse, ...errors },
      },
    },
    async (request, reply) => {
      const joined = await joinWorkshop(app.prisma, request.body);
      setAuthCookie(request, reply, app.config.auth, GUEST_COOKIE, joined.token, joined.expiresAt);
      return reply.status(201).send(joined.response);
    },
  );
};
