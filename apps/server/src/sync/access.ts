/**
 * Authorisation of sync sockets: decides, once per connection at upgrade
 * time, whether a socket may join a map's document, whether it may change
 * it, and who it is (stamped into its presence by awareness-rules.ts).
 *
 * The decision itself is the policy's (src/policy/policy.ts, action
 * `map.read` to join, `board.edit` to write); this file only turns the
 * upgrade request into an actor and the policy's answer into a
 * `ConnectionAccess`. Credentials (src/policy/credentials.ts): the session
 * cookie (accounts), the guest cookie (workshop participants), or a share
 * token offered as a WebSocket subprotocol beside `journeyboard` — never the
 * URL, which ends up in logs.
 *
 * Every refusal — no credentials, a map the actor can't see, a map that
 * doesn't exist, a non-UUID id — is the same 4404 "map not found", so the
 * socket can't be used to probe which maps exist. A browser page from another
 * origin gets 4403 (cross-site WebSocket hijacking).
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@journeyboard/db';
import { presenceColor, type PresenceUser } from '@journeyboard/shared';
import type { AuthConfig } from '../config/config.ts';
import { resolveActor, type Actor } from '../policy/actor.ts';
import { credentialsFrom } from '../policy/credentials.ts';
import { isAllowedOrigin } from '../policy/origin.ts';
import { allows, findMapAccess, type MapAccess } from '../policy/policy.ts';
import { CloseCode, CloseReason } from './close-codes.ts';
import type { UpgradeRequest } from './sync-upgrades.ts';

/** What a connection is allowed to do once it has joined. */
export interface ConnectionAccess {
  /** false: sync step 2 and updates from this connection are dropped (see read-only.ts). */
  readonly canWrite: boolean;
  /** Who this is; awareness-rules.ts overwrites the client's `user` presence field with it. */
  readonly identity?: PresenceUser;
  /**
   * What the access rests on (see `grantKey`); `app.sync.revoke(key)` closes
   * every connection holding that key — a revoked link, a signed-out session,
   * a removed member.
   */
  readonly grants?: readonly string[];
  /** The connection is closed at this moment (an expiring link). */
  readonly expiresAt?: Date | null;
}

export type AccessDecision =
  | { readonly allow: true; readonly access: ConnectionAccess }
  /** The socket is closed with this code; use 4400–4499 for "don't retry" (the client stops). */
  | { readonly allow: false; readonly code: number; readonly reason: string };

export interface AccessContext {
  readonly mapId: string;
  /** The HTTP upgrade's headers and cookies. */
  readonly request: UpgradeRequest;
  readonly prisma: PrismaClient;
  /** Allowed origins, public URL (the Origin check). */
  readonly auth: AuthConfig;
}

export type ResolveAccess = (context: AccessContext) => Promise<AccessDecision>;

/** Keys for `ConnectionAccess.grants` / `app.sync.revoke`. */
export const grantKey = {
  session: (sessionId: string) => `session:${sessionId}`,
  member: (workspaceId: string, userId: string) => `member:${workspaceId}:${userId}`,
  share: (linkId: string) => `share:${linkId}`,
  workshop: (linkId: string) => `workshop:${linkId}`,
} as const;

export const MAP_NOT_FOUND: AccessDecision = {
  allow: false,
  code: CloseCode.mapNotFound,
  reason: CloseReason.mapNotFound,
};

const ORIGIN_NOT_ALLOWED: AccessDecision = {
  allow: false,
  code: CloseCode.accessRevoked,
  reason: CloseReason.originNotAllowed,
};

/** The connection's access from the actor and the policy's answer for this map. */
export function toConnectionAccess(actor: Actor, access: MapAccess): ConnectionAccess {
  const { role, via, map } = access;
  const canWrite = allows(access, 'board.edit');
  if (via === 'member' && actor.user) {
    const { user, sessionId } = actor.user;
    return {
      canWrite,
      identity: {
        id: user.id,
        name: user.name,
        color: presenceColor(user.id),
        role,
        kind: 'member',
      },
      grants: [grantKey.session(sessionId), grantKey.member(map.workspaceId, user.id)],
      expiresAt: null,
    };
  }
  if (via === 'workshop' && actor.guest) {
    const { sessionId, name, workshopLinkId, linkExpiresAt } = actor.guest;
    const id = `guest:${sessionId}`;
    return {
      canWrite,
      identity: { id, name, color: presenceColor(id), role, kind: 'workshop' },
      grants: [grantKey.session(sessionId), grantKey.workshop(workshopLinkId)],
      expiresAt: linkExpiresAt,
    };
  }
  if (via === 'share' && actor.share) {
    // Anonymous viewers: one presence per socket, never a person's name.
    const id = `link:${randomUUID().slice(0, 8)}`;
    return {
      canWrite,
      identity: { id, name: 'Viewer (link)', color: presenceColor(id), role, kind: 'share' },
      grants: [grantKey.share(actor.share.linkId)],
      expiresAt: actor.share.expiresAt,
    };
  }
  return { canWrite: false };
}

export const resolveAccess: ResolveAccess = async ({ mapId, request, prisma, auth }) => {
  if (!isAllowedOrigin(request, auth)) return ORIGIN_NOT_ALLOWED;
  const actor = await resolveActor(prisma, credentialsFrom(request));
  const access = await findMapAccess(prisma, actor, mapId);
  if (!access || !allows(access, 'map.read')) return MAP_NOT_FOUND;
  return { allow: true, access: toConnectionAccess(actor, access) };
};
