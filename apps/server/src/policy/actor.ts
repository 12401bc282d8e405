/**
 * Who is asking. A request (or sync socket) may carry up to three
 * credentials at once — an account session, a workshop participant session
 * and a share token — and the policy takes the strongest role any of them
 * grants for the map in question.
 */
import type { PrismaClient } from '@journeyboard/db';
import type { TUser } from '@journeyboard/shared';
import { hashToken, isTokenOfKind } from '../services/auth/tokens.ts';

export interface UserPrincipal {
  readonly sessionId: string;
  readonly user: TUser;
}

/** A workshop participant: a display name with editor rights on one map. */
export interface GuestPrincipal {
  readonly sessionId: string;
  readonly name: string;
  readonly mapId: string;
  readonly workshopLinkId: string;
  readonly linkExpiresAt: Date | null;
}

/** Someone holding a read-only share link for one map. */
export interface SharePrincipal {
  readonly linkId: string;
  readonly mapId: string;
  readonly allowComments: boolean;
  readonly expiresAt: Date | null;
}

export interface Actor {
  readonly user: UserPrincipal | null;
  readonly guest: GuestPrincipal | null;
  readonly share: SharePrincipal | null;
}

export const ANONYMOUS: Actor = { user: null, guest: null, share: null };

export interface Credentials {
  readonly sessionToken?: string | undefined;
  readonly guestToken?: string | undefined;
  readonly shareToken?: string | undefined;
}

export const isAnonymous = (actor: Actor): boolean => !actor.user && !actor.guest && !actor.share;

/** Looks the credentials up; unknown, expired or revoked ones count as absent. */
export async function resolveActor(prisma: PrismaClient, credentials: Credentials): Promise<Actor> {
  const now = new Date();
  const [user, guest, share] = await Promise.all([
    resolveUser(prisma, credentials.sessionToken, now),
    resolveGuest(prisma, credentials.guestToken, now),
    resolveShare(prisma, credentials.shareToken, now),
  ]);
  return { user, guest, share };
}

interface SessionUserRow {
  readonly sessionId: string;
  readonly expiresAt: Date;
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

async function resolveUser(
  prisma: PrismaClient,
  token: string | undefined,
  now: Date,
): Promise<UserPrincipal | null> {
  if (!token || !isTokenOfKind(token, 'session')) return null;
  // One query with a join: every request and every sync socket asks this
  // (the sync server's join cost, issue #15); Prisma's include made it two.
  const [row] = await prisma.$queryRaw<SessionUserRow[]>`
    SELECT s.id AS "sessionId", s."expiresAt", u.id, u.email, u.name
    FROM sessions s JOIN users u ON u.id = s."userId"
    WHERE s."tokenHash" = ${hashToken(token)}`;
  if (!row || row.expiresAt <= now) return null;
  return { sessionId: row.sessionId, user: { id: row.id, email: row.email, name: row.name } };
}

async function resolveGuest(
  prisma: PrismaClient,
  token: string | undefined,
  now: Date,
): Promise<GuestPrincipal | null> {
  if (!token || !isTokenOfKind(token, 'guest')) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workshopLink: true },
  });
  const link = session?.workshopLink;
  if (!session || !link || session.expiresAt <= now || link.revokedAt) return null;
  if (link.expiresAt && link.expiresAt <= now) return null;
  return {
    sessionId: session.id,
    name: session.guestName ?? 'Guest',
    mapId: link.mapId,
    workshopLinkId: link.id,
    linkExpiresAt: link.expiresAt,
  };
}

async function resolveShare(
  prisma: PrismaClient,
  token: string | undefined,
  now: Date,
): Promise<SharePrincipal | null> {
  if (!token || !isTokenOfKind(token, 'share')) return null;
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null;
  return {
    linkId: link.id,
    mapId: link.mapId,
    allowComments: link.allowComments,
    expiresAt: link.expiresAt,
  };
}

/** A person taking part on a map: who votes, whose own events only they receive. */
export interface Participant {
  /** Stable per person, the same as their presence id: a user id, or `guest:<session id>`. */
  readonly key: string;
  readonly name: string;
}

/**
 * Who the actor takes part on `mapId` as: their account when they have one
 * (it outlives a workshop), else their workshop participant session for
 * that map. Share-link holders are nobody in particular: null.
 */
export function participantOf(actor: Actor, mapId: string): Participant | null {
  if (actor.user) return { key: actor.user.user.id, name: actor.user.user.name };
  if (actor.guest && actor.guest.mapId === mapId.toLowerCase()) {
    return { key: `guest:${actor.guest.sessionId}`, name: actor.guest.name };
  }
  return null;
}
