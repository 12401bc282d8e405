/**
 * Authorisation of sync sockets: decides, once per connection at upgrade
 * time, whether a socket may join a map's document, whether it may change
 * it, and who it is (stamped into its presence by awareness-rules.ts).
 *
 * The decision itself is the policy's (src/policy/policy.ts, action
 * `map.read` to join, `board.edit` to write); this file only turns the
 * upgrade request into an actor and the policy's answer into a
 * `ConnectionAccess`, whose capabilities the client is told right after it
 * joins (`encodeCapabilitiesMessage`, packages/shared). Credentials
 * (src/policy/credentials.ts): the session cookie (accounts), the guest
 * cookie (workshop participants), or a share token offered as a WebSocket
 * subprotocol beside `journeyboard` — never the URL, which ends up in logs.
 *
 * Every refusal — no credentials, a map the actor can't see, a map that
 * doesn't exist, a non-UUID id — is the same 4404 "map not found", so the
 * socket can't be used to probe which maps exist. A browser page from another
 * origin gets 4403 (cross-site WebSocket hijacking).
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@journeyboard/db';
import {
  ANONYMOUS_PRESENCE_COLOR,
  presenceColor,
  PRESENCE_SHOWN_AS,
  WORKSPACE_ROLES,
  type CallerKind,
  type MapAction,
  type PresenceUser,
  type TWorkspaceRole,
} from '@journeyboard/shared';
import type { AuthConfig } from '../config/config.ts';
import { resolveActor, type Actor } from '../policy/actor.ts';
import { credentialsFrom } from '../policy/credentials.ts';
import { isAllowedOrigin } from '../policy/origin.ts';
import { can, findMapAccess, type MapAccess } from '../policy/policy.ts';
import { assignPresenceColor } from '../services/presence/assign-presence-color.ts';
import { CloseCode, CloseReason, guestPersonKey } from '@journeyboard/shared';
import type { UpgradeRequest } from './sync-upgrades.ts';

/** What a connection is allowed to do once it has joined. */
export interface ConnectionAccess {
  /**
   * What the connection may do with the map (the policy's answer). Without
   * `board.edit`, its sync step 2 and updates are dropped (read-only.ts).
   * Sent to the client once it has joined (`encodeCapabilitiesMessage` in packages/shared).
   */
  readonly capabilities: readonly MapAction[];
  /** Who this is; awareness-rules.ts overwrites the client's `user` presence field with it. */
  readonly identity?: PresenceUser;
  /**
   * What the access rests on (see `grantKey`); `app.sync.revoke(key)` closes
   * every connection holding that key — a revoked link, a signed-out session,
   * a removed member.
   */
  readonly grants?: readonly string[];
  /**
   * The access rests on more than one credential (say, a member who also
   * joined the map's workshop): revoking one of them reconnects the socket
   * (4000), so it is authorised afresh on what remains, instead of ending it.
   */
  readonly reconnectOnRevoke?: boolean;
  /**
   * The connection is closed at this moment: the first of its session's end, an expiring
   * link's, a password link's unlock running out.
   */
  readonly expiresAt?: Date | null;
  /** The close reason at `expiresAt`, when it is not the link's own expiry (`CloseReason.linkExpired`). */
  readonly expiryReason?: string;
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
  /**
   * A share link's password as it was when the socket opened (its version):
   * setting, changing or removing it ends what was opened under the old one.
   */
  password: (linkId: string, passwordVersion: number) => `password:${linkId}:${passwordVersion}`,
} as const;

/** Why a socket is closed when a grant of each kind ends: the person is told in words (web board/connection.ts). */
const REVOKED_REASONS: Record<keyof typeof grantKey, string> = {
  session: CloseReason.signedOut,
  member: CloseReason.removedFromWorkspace,
  share: CloseReason.shareLinkRevoked,
  workshop: CloseReason.workshopLinkRevoked,
  password: CloseReason.shareLinkPasswordChanged,
};

/** The close reason for a socket whose access ended with `grant` (a `grantKey`). */
export function revokedReasonOf(grant: string): string {
  const kind = grant.slice(0, grant.indexOf(':'));
  return Object.hasOwn(REVOKED_REASONS, kind)
    ? REVOKED_REASONS[kind as keyof typeof grantKey]
    : CloseReason.accessRevoked;
}

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

/**
 * The connection's access from the actor and the policy's answer for this
 * map. Presence shows the actor as their first kind (membership before a
 * workshop link before a share link); the socket closes when any credential
 * it rests on is revoked, or when the first link it rests on expires.
 */
export function toConnectionAccess(actor: Actor, access: MapAccess): ConnectionAccess {
  const { kinds, map, capabilities } = access;
  const primary = kinds[0];
  if (!primary) return { capabilities: [] };
  // How the first kind shows (a member, a guest, a link's viewer): the one table in shared.
  const { role } = PRESENCE_SHOWN_AS[primary];
  const grants: string[] = [];
  const identities: PresenceUser[] = [];
  const expiries: { at: Date; reason: string }[] = [];
  if (actor.user && kinds.some(isWorkspaceRole)) {
    const { user, sessionId, sessionExpiresAt } = actor.user;
    grants.push(grantKey.session(sessionId), grantKey.member(map.workspaceId, user.id));
    expiries.push({ at: sessionExpiresAt, reason: CloseReason.sessionExpired });
    identities.push({
      id: user.id,
      name: user.name,
      color: presenceColor(user.id),
      role,
      kind: 'member',
    });
  }
  if (actor.guest && kinds.includes('workshop-guest')) {
    const { sessionId, sessionExpiresAt, name, workshopLinkId, linkExpiresAt } = actor.guest;
    grants.push(grantKey.session(sessionId), grantKey.workshop(workshopLinkId));
    const id = guestPersonKey(sessionId);
    identities.push({ id, name, color: presenceColor(id), role, kind: 'workshop' });
    // The link first: a session that ends with its link (the usual case) closes as "link expired".
    if (linkExpiresAt) expiries.push({ at: linkExpiresAt, reason: CloseReason.linkExpired });
    expiries.push({ at: sessionExpiresAt, reason: CloseReason.sessionExpired });
  }
  if (
    actor.share &&
    kinds.some((kind) => kind === 'share-link' || kind === 'share-link-comments')
  ) {
    const { linkId, passwordVersion } = actor.share;
    // A password set, changed or removed ends the view: the socket closes, and says why.
    grants.push(grantKey.share(linkId), grantKey.password(linkId, passwordVersion));
    // Anonymous viewers: one presence per socket, never a person's name.
    const id = `link:${randomUUID().slice(0, 8)}`;
    identities.push({
      id,
      name: 'Viewer (link)',
      color: ANONYMOUS_PRESENCE_COLOR,
      role,
      kind: 'share',
    });
    const { expiresAt, unlockExpiresAt } = actor.share;
    if (expiresAt) expiries.push({ at: expiresAt, reason: CloseReason.linkExpired });
    // The unlock never outlasts the link; when it ends first, the view asks for the password again.
    if (unlockExpiresAt) {
      expiries.push({ at: unlockExpiresAt, reason: CloseReason.shareLinkUnlockExpired });
    }
  }
  // Stable: of two at the same moment, the first pushed names the reason.
  const [expiry] = expiries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    capabilities,
    ...(identities[0] ? { identity: identities[0] } : {}),
    // An exact-size copy: the socket keeps it for its lifetime, and an array
    // that was pushed to keeps spare room for 16 entries.
    grants: grants.slice(),
    expiresAt: expiry?.at ?? null,
    ...(expiry && expiry.reason !== CloseReason.linkExpired ? { expiryReason: expiry.reason } : {}),
    ...(kinds.length > 1 ? { reconnectOnRevoke: true } : {}),
  };
}

/** What the actor's access to a map rests on (`grantKey`): what `app.sync.revoke` ends. */
export const grantsOf = (actor: Actor, access: MapAccess): readonly string[] =>
  toConnectionAccess(actor, access).grants ?? [];

/**
 * Whom the socket will show as, guessed before the access query so that the
 * query can read their presence slot too: the account, else the workshop
 * guest. A guess that turns out wrong (an account that isn't a member but
 * joined through a workshop link) only costs the slot its own read.
 */
const likelyPresenceId = (actor: Actor): string | undefined =>
  actor.user?.user.id ?? (actor.guest ? guestPersonKey(actor.guest.sessionId) : undefined);

const isWorkspaceRole = (kind: CallerKind): kind is TWorkspaceRole =>
  (WORKSPACE_ROLES as readonly string[]).includes(kind);

export const resolveAccess: ResolveAccess = async ({ mapId, request, prisma, auth }) => {
  if (!isAllowedOrigin(request, auth)) return ORIGIN_NOT_ALLOWED;
  const actor = await resolveActor(prisma, credentialsFrom(request));
  const presenceOf = likelyPresenceId(actor);
  const access = await findMapAccess(prisma, actor, mapId, { presenceOf });
  if (!access || !can(access, 'map.read')) return MAP_NOT_FOUND;
  const connection = toConnectionAccess(actor, access);
  const { identity } = connection;
  if (!identity || identity.kind === 'share') return { allow: true, access: connection };
  // People wear their colour slot on this map, so fifty of them never share one.
  const held = identity.id === presenceOf ? access.presenceSlot : undefined;
  const color = await assignPresenceColor(prisma, access.map.id, identity.id, held);
  return { allow: true, access: { ...connection, identity: { ...identity, color } } };
};
