import type { PrismaClient } from '@journeyboard/db';
import { SHARE_UNLOCK_FAILURE_WINDOW_MS } from '../sharing/unlock-share-link.ts';

/**
 * How long expired or revoked links and invitations are kept: someone who
 * opens an old one is told "expired" (410) rather than "not found" (404).
 */
export const EXPIRED_LINK_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

export interface DeletedCredentials {
  sessions: number;
  invites: number;
  shareLinks: number;
  workshopLinks: number;
  shareUnlocks: number;
}

/**
 * Deletes what can no longer sign anyone in: expired sessions, guest sessions
 * of workshop links that expired or were revoked, expired share-link unlocks
 * and wrong-password tries too old to count, and — after the grace
 * period — expired invitations and expired or revoked links.
 *
 * Safe with several instances: the instance that gets the advisory lock does
 * the work, the others skip this round (null); a round is one transaction.
 */
export async function deleteExpiredCredentials(
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<DeletedCredentials | null> {
  const graceEnd = new Date(now.getTime() - EXPIRED_LINK_GRACE_MS);
  return prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtext('journeyboard:delete-expired-credentials')) AS locked`;
    if (!lock?.locked) return null;
    const sessions = await tx.session.deleteMany({
      where: {
        OR: [
          { expiresAt: { lte: now } },
          { workshopLink: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] } },
        ],
      },
    });
    const invites = await tx.workspaceInvite.deleteMany({
      where: { expiresAt: { lte: graceEnd } },
    });
    const deadLink = {
      OR: [{ expiresAt: { lte: graceEnd } }, { revokedAt: { lte: graceEnd } }],
    };
    const shareUnlocks = await tx.shareLinkUnlock.deleteMany({
      where: { expiresAt: { lte: now } },
    });
    await tx.shareLinkUnlockFailure.deleteMany({
      where: { failedAt: { lte: new Date(now.getTime() - SHARE_UNLOCK_FAILURE_WINDOW_MS) } },
    });
    const shareLinks = await tx.shareLink.deleteMany({ where: deadLink });
    const workshopLinks = await tx.workshopLink.deleteMany({ where: deadLink });
    return {
      sessions: sessions.count,
      invites: invites.count,
      shareLinks: shareLinks.count,
      workshopLinks: workshopLinks.count,
      shareUnlocks: shareUnlocks.count,
    };
  });
}
