/**
 * Who is asking. A request (or sync socket) may carry up to three
 * credentials at once — an account session, a workshop participant session
 * and a share token — and the policy takes the strongest role any of them
 * grants for the map in question.
 *
 * Every request and every sync socket looks its credentials up here, so the
 * lookups are plain SQL to the driver, one query each (`driverOf`: Prisma's
 * query layer was about a third of a joining socket's CPU, issue #15).
 * Prisma keeps DateTime columns as UTC `timestamp(3)`, which `pg` would read
 * in the process's time zone: they are read `AT TIME ZONE 'UTC'`
 * (test/api/policy-reads.test.ts).
 */
import { driverOf, type PrismaClient } from '@journeyboard/db';
import { guestPersonKey, type TUser } from '@journeyboard/shared';
import { hashToken, isTokenOfKind } from '../services/auth/tokens.ts';

export interface UserPrincipal {
  readonly sessionId: string;
  /** When the session ends (sessions last a fixed 30 days): its sockets close then. */
  readonly sessionExpiresAt: Date;
  readonly user: TUser;
}

/** A workshop participant: a display name with editor rights on one map. */
export interface GuestPrincipal {
  readonly sessionId: string;
  /** When the guest session ends (never after its link): its sockets close then. */
  readonly sessionExpiresAt: Date;
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
  /** A password link: when this device's unlock of it runs out (null: the link has no password). */
  readonly unlockExpiresAt: Date | null;
  /**
   * The link's password version (counted up by every set, change or removal)
   * when it was resolved: its sockets and streams end when it moves on.
   */
  readonly passwordVersion: number;
}

export interface Actor {
  readonly user: UserPrincipal | null;
  readonly guest: GuestPrincipal | null;
  readonly share: SharePrincipal | null;
  /**
   * A good share token whose link has a password this device has not typed
   * (or typed before it changed): `share` is null, and the refusal says to
   * enter the password rather than to sign in.
   */
  readonly shareLocked?: boolean;
}

export const ANONYMOUS: Actor = { user: null, guest: null, share: null };

export interface Credentials {
  readonly sessionToken?: string | undefined;
  readonly guestToken?: string | undefined;
  readonly shareToken?: string | undefined;
  /** Unlocks of password-protected share links (`jbsu_…`): the one for the share token's link counts. */
  readonly shareUnlockTokens?: readonly string[] | undefined;
}

export const isAnonymous = (actor: Actor): boolean => !actor.user && !actor.guest && !actor.share;

/** What a caller without credentials is told: a locked share link's holder, to type its password. */
export const anonymousRefusal = (actor: Actor) =>
  actor.shareLocked ? ('SHARE_LINK_PASSWORD_REQUIRED' as const) : ('UNAUTHENTICATED' as const);

/** Looks the credentials up; unknown, expired or revoked ones count as absent. */
export async function resolveActor(prisma: PrismaClient, credentials: Credentials): Promise<Actor> {
  const now = new Date();
  const [user, guest, share] = await Promise.all([
    resolveUser(prisma, credentials.sessionToken, now),
    resolveGuest(prisma, credentials.guestToken, now),
    resolveShare(prisma, credentials.shareToken, credentials.shareUnlockTokens ?? [], now),
  ]);
  if (share === 'locked') return { user, guest, share: null, shareLocked: true };
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
  // One query with a join: Prisma's include made it two.
  const { rows } = await driverOf(prisma).query<SessionUserRow>(
    `SELECT s.id AS "sessionId", s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
       u.id, u.email, u.name
     FROM sessions s JOIN users u ON u.id = s."userId"
     WHERE s."tokenHash" = $1`,
    [hashToken(token)],
  );
  const [row] = rows;
  if (!row || row.expiresAt <= now) return null;
  return {
    sessionId: row.sessionId,
    sessionExpiresAt: row.expiresAt,
    user: { id: row.id, email: row.email, name: row.name },
  };
}

interface GuestSessionRow {
  readonly sessionId: string;
  readonly guestName: string | null;
  readonly expiresAt: Date;
  readonly mapId: string;
  readonly workshopLinkId: string;
  readonly linkExpiresAt: Date | null;
  readonly linkRevoked: boolean;
}

async function resolveGuest(
  prisma: PrismaClient,
  token: string | undefined,
  now: Date,
): Promise<GuestPrincipal | null> {
  if (!token || !isTokenOfKind(token, 'guest')) return null;
  const { rows } = await driverOf(prisma).query<GuestSessionRow>(
    `SELECT s.id AS "sessionId", s."guestName", s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
       l."mapId", l.id AS "workshopLinkId", l."expiresAt" AT TIME ZONE 'UTC' AS "linkExpiresAt",
       l."revokedAt" IS NOT NULL AS "linkRevoked"
     FROM sessions s JOIN workshop_links l ON l.id = s."workshopLinkId"
     WHERE s."tokenHash" = $1`,
    [hashToken(token)],
  );
  const [row] = rows;
  if (!row || row.expiresAt <= now || row.linkRevoked) return null;
  if (row.linkExpiresAt && row.linkExpiresAt <= now) return null;
  return {
    sessionId: row.sessionId,
    sessionExpiresAt: row.expiresAt,
    name: row.guestName ?? 'Guest',
    mapId: row.mapId,
    workshopLinkId: row.workshopLinkId,
    linkExpiresAt: row.linkExpiresAt,
  };
}

interface ShareLinkRow {
  readonly linkId: string;
  readonly mapId: string;
  readonly allowComments: boolean;
  readonly expiresAt: Date | null;
  readonly revoked: boolean;
  readonly protected: boolean;
  readonly passwordVersion: number;
  /** The latest of this device's unlocks that still opens the link; null: none. */
  readonly unlockedUntil: Date | null;
}

/**
 * THE gate of password-protected share links: every REST route, event
 * stream and sync socket a link holder reaches resolves the link here, so a
 * protected link counts only with an unlock of this link made under its
 * current password version (see share-unlock.ts), not expired.
 */
async function resolveShare(
  prisma: PrismaClient,
  token: string | undefined,
  unlockTokens: readonly string[],
  now: Date,
): Promise<SharePrincipal | 'locked' | null> {
  if (!token || !isTokenOfKind(token, 'share')) return null;
  const unlockHashes = unlockTokens
    .filter((unlock) => isTokenOfKind(unlock, 'shareUnlock'))
    .map(hashToken);
  const { rows } = await driverOf(prisma).query<ShareLinkRow>(
    `SELECT l.id AS "linkId", l."mapId", l."allowComments",
       l."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", l."revokedAt" IS NOT NULL AS revoked,
       l."passwordHash" IS NOT NULL AS protected, l."passwordVersion",
       (SELECT max(u."expiresAt") AT TIME ZONE 'UTC' FROM share_link_unlocks u
         WHERE u."linkId" = l.id AND u."tokenHash" = ANY($2::text[])
           AND u."passwordVersion" = l."passwordVersion"
           AND u."expiresAt" > ($3::timestamptz AT TIME ZONE 'UTC')) AS "unlockedUntil"
     FROM share_links l WHERE l."tokenHash" = $1`,
    [hashToken(token), unlockHashes, now.toISOString()],
  );
  const [link] = rows;
  if (!link || link.revoked || (link.expiresAt && link.expiresAt <= now)) return null;
  if (link.protected && !link.unlockedUntil) return 'locked';
  return {
    linkId: link.linkId,
    mapId: link.mapId,
    allowComments: link.allowComments,
    expiresAt: link.expiresAt,
    unlockExpiresAt: link.protected ? link.unlockedUntil : null,
    passwordVersion: link.passwordVersion,
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
    return { key: guestPersonKey(actor.guest.sessionId), name: actor.guest.name };
  }
  return null;
}
