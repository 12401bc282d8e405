import { routes } from '@journeyboard/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicOrigin, setAuthCookie } from '../plugins/session-cookie.ts';
import { credentialsFrom, GUEST_COOKIE, shareUnlockCookie } from '../policy/credentials.ts';
import { AppError } from '../errors/app-error.ts';
import { authorizeChild, authorizeMap, can } from '../policy/policy.ts';
import { grantKey } from '../sync/access.ts';
import { createShareLink } from '../services/sharing/create-share-link.ts';
import { createWorkshopLink } from '../services/sharing/create-workshop-link.ts';
import { joinWorkshop } from '../services/sharing/join-workshop.ts';
import { listShareLinks } from '../services/sharing/list-share-links.ts';
import { listWorkshopLinks } from '../services/sharing/list-workshop-links.ts';
import { openShareLink } from '../services/sharing/open-share-link.ts';
import { previewWorkshopLink } from '../services/sharing/preview-workshop-link.ts';
import { lockStructure } from '../services/locks/lock-structure.ts';
import { revokeShareLink } from '../services/sharing/revoke-share-link.ts';
import { revokeWorkshopLink } from '../services/sharing/revoke-workshop-link.ts';
import { EVERYONE_ON_THE_MAP } from '../services/map-events/map-event-bus.ts';
import { unlockShareLink } from '../services/sharing/unlock-share-link.ts';
import { updateShareLink } from '../services/sharing/update-share-link.ts';
import { registerRoute } from './register-route.ts';

/** What differs between the two kinds of link when revoking one. */
const LINK_KINDS = {
  share: { child: 'share-link', manage: 'share.manage' },
  workshop: { child: 'workshop-link', manage: 'workshop.manage' },
} as const;
type LinkKind = keyof typeof LINK_KINDS;

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
  const revokeLink = async (request: FastifyRequest, kind: LinkKind, id: string) => {
    const { child, manage } = LINK_KINDS[kind];
    const link = await authorizeChild(app.prisma, await request.getActor(), child, id, manage);
    if (kind === 'share') await revokeShareLink(app.prisma, link.child.id);
    else {
      const lowered = await revokeWorkshopLink(app.prisma, link.child);
      if (lowered.changed) {
        const event = { type: 'hands', hands: lowered.hands } as const;
        app.mapEvents.publish(link.child.parentId, event, EVERYONE_ON_THE_MAP);
      }
    }
    app.sync.revoke(grantKey[kind](link.child.id));
  };

  registerRoute(app, routes.sharing.createShareLink, async (request, reply) => {
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
  });

  registerRoute(app, routes.sharing.listShareLinks, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'share.manage',
    );
    return { links: await listShareLinks(app.prisma, map.id) };
  });

  registerRoute(app, routes.sharing.revokeShareLink, async (request, reply) => {
    await revokeLink(request, 'share', request.params.id);
    return reply.status(204).send(null);
  });

  registerRoute(app, routes.sharing.updateShareLink, async (request) => {
    const { child } = await authorizeChild(
      app.prisma,
      await request.getActor(),
      'share-link',
      request.params.id,
      'share.manage',
    );
    const { link, endedPasswordVersion } = await updateShareLink(
      app.prisma,
      child.id,
      request.body,
    );
    // The password was set, changed or removed: whoever has the link open
    // loses the map now (sockets close saying why, event streams end) and
    // opens it again with the new password (or none).
    if (endedPasswordVersion !== null) {
      app.sync.revoke(grantKey.password(child.id, endedPasswordVersion));
    }
    // What the link's holders may do changed: their sockets reconnect with
    // the new capabilities, and their event streams check again now.
    if (request.body.allowComments !== undefined) {
      app.sync.revoke(grantKey.share(child.id), { reconnect: true });
    }
    return link;
  });

  registerRoute(app, routes.sharing.openShareLink, async (request) =>
    openShareLink(app.prisma, request.body.token, credentialsFrom(request).shareUnlockTokens ?? []),
  );

  // Not a per-IP limit on the route: wrong passwords are counted per link and
  // client in the service (Postgres, so every instance counts the same tries).
  registerRoute(app, routes.sharing.unlockShareLink, async (request, reply) => {
    const { response, unlock } = await unlockShareLink(app.prisma, request.body, request.ip);
    if (unlock) {
      const cookie = shareUnlockCookie(unlock.linkId);
      setAuthCookie(request, reply, app.config.auth, cookie, unlock.token, unlock.expiresAt);
    }
    return response;
  });

  registerRoute(app, routes.sharing.createWorkshopLink, async (request, reply) => {
    const actor = await request.getActor();
    const access = await authorizeMap(app.prisma, actor, request.params.id, 'workshop.manage');
    const { map } = access;
    const byUserId = actor.user?.user.id ?? null;
    if (request.body.lockStructure) {
      // The lock before the link: a link must never be out while participants can still
      // delete lanes (with everyone's cards in them) the facilitator meant to keep.
      if (!can(access, 'workshop.facilitate')) {
        throw new AppError('FORBIDDEN', 'Only facilitators lock the board’s stages and lanes.');
      }
      await lockStructure(app.prisma, app.sync, app.mapEvents, { mapId: map.id, byUserId });
    }
    const origin = publicOrigin(request, app.config.auth);
    const link = await createWorkshopLink(app.prisma, map.id, byUserId, request.body, origin);
    return reply.status(201).send(link);
  });

  registerRoute(app, routes.sharing.listWorkshopLinks, async (request) => {
    const { map } = await authorizeMap(
      app.prisma,
      await request.getActor(),
      request.params.id,
      'workshop.manage',
    );
    return { links: await listWorkshopLinks(app.prisma, map.id) };
  });

  registerRoute(app, routes.sharing.revokeWorkshopLink, async (request, reply) => {
    await revokeLink(request, 'workshop', request.params.id);
    return reply.status(204).send(null);
  });

  // Not the sign-in limit: a whole room may join from one office address.
  // The preview answers whether a token is good, so it is limited like joining.
  const joinLimit = {
    config: {
      rateLimit: {
        max: app.config.auth.workshopJoinRateLimitMax,
        timeWindow: app.config.auth.rateLimitWindowMs,
      },
    },
  };

  registerRoute(
    app,
    routes.sharing.previewWorkshopLink,
    async (request) =>
      previewWorkshopLink(app.prisma, request.body.token, (await request.getActor()).guest),
    joinLimit,
  );

  registerRoute(
    app,
    routes.sharing.joinWorkshop,
    async (request, reply) => {
      const current = (await request.getActor()).guest;
      const joined = await joinWorkshop(app.prisma, request.body, current);
      if (joined.kind === 'resumed') return reply.status(200).send(joined.response);
      setAuthCookie(request, reply, app.config.auth, GUEST_COOKIE, joined.token, joined.expiresAt);
      // The device's earlier name on the map has gone: its sockets close, its hand is down.
      if (joined.endedSessionId) app.sync.revoke(grantKey.session(joined.endedSessionId));
      if (joined.lowered) {
        const event = { type: 'hands', hands: joined.lowered } as const;
        app.mapEvents.publish(joined.response.map.id, event, EVERYONE_ON_THE_MAP);
      }
      return reply.status(201).send(joined.response);
    },
    joinLimit,
  );
};
