/**
 * Revocations this instance may have missed. A revocation reaches the other
 * instances as a control message over Redis Pub/Sub, which keeps nothing: one
 * published while this instance's subscriber was disconnected never arrives
 * (RedisRelay.onControlGap). So once the channel is followed again, the
 * grants its open sockets rest on are checked against Postgres, where every
 * revocation is written before it is announced.
 */
import type { PrismaClient } from '@journeyboard/db';
import type { TWorkspaceRole } from '@journeyboard/shared';
import { grantKey } from './access.ts';

/** `revoked`: close the socket; `changed`: the member's role changed, reconnect and re-authorise. */
export type Lapse = 'revoked' | 'changed';

/**
 * Of `held` (grant key → the member role the socket was opened with, or
 * null for the other kinds), the grants that no longer hold:
 * - `session:<id>`: signed out (deleted) or expired;
 * - `member:<workspace>:<user>`: no longer a member (`revoked`) or another role (`changed`);
 * - `share:<id>`, `workshop:<id>`: the link was revoked, expired or deleted;
 * - `password:<link id>:<password version>`: the link's password was set, changed or
 *   removed since (or the link went, as above).
 */
export async function lapsedGrants(
  prisma: PrismaClient,
  held: ReadonlyMap<string, TWorkspaceRole | null>,
  now = new Date(),
): Promise<Map<string, Lapse>> {
  const ids = { session: [] as string[], share: [] as string[], workshop: [] as string[] };
  const members: { workspaceId: string; userId: string }[] = [];
  for (const grant of held.keys()) {
    // The keys grantKey builds.
    const [kind, first, second] = grant.split(':');
    if (!first) continue;
    if (kind === 'member' && second) members.push({ workspaceId: first, userId: second });
    else if (kind === 'password') ids.share.push(first);
    else if (kind === 'session' || kind === 'share' || kind === 'workshop') ids[kind].push(first);
  }
  const linkIsLive = { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [sessions, shareLinks, workshopLinks, memberships] = await Promise.all([
    prisma.session.findMany({
      where: { id: { in: ids.session }, expiresAt: { gt: now } },
      select: { id: true },
    }),
    prisma.shareLink.findMany({
      where: { id: { in: ids.share }, ...linkIsLive },
      select: { id: true, passwordVersion: true },
    }),
    prisma.workshopLink.findMany({
      where: { id: { in: ids.workshop }, ...linkIsLive },
      select: { id: true },
    }),
    members.length === 0
      ? Promise.resolve([])
      : prisma.membership.findMany({
          where: { OR: members },
          select: { workspaceId: true, userId: true, role: true },
        }),
  ]);

  const live = new Set([
    ...sessions.map(({ id }) => grantKey.session(id)),
    ...shareLinks.map(({ id }) => grantKey.share(id)),
    ...shareLinks.map(({ id, passwordVersion }) => grantKey.password(id, passwordVersion)),
    ...workshopLinks.map(({ id }) => grantKey.workshop(id)),
  ]);
  const roles = new Map(
    memberships.map((member) => [grantKey.member(member.workspaceId, member.userId), member.role]),
  );
  const lapsed = new Map<string, Lapse>();
  for (const [grant, openedAs] of held) {
    if (grant.split(':', 1)[0] === 'member') {
      const role = roles.get(grant);
      if (role === undefined) lapsed.set(grant, 'revoked');
      else if (openedAs !== null && role !== openedAs) lapsed.set(grant, 'changed');
    } else if (!live.has(grant)) {
      lapsed.set(grant, 'revoked');
    }
  }
  return lapsed;
}
