// The periodic clean-up (services/maintenance/delete-expired-credentials.ts,
// plugins/cleanup.ts): expired rows go, live ones stay.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { hashToken, newToken } from '../../src/services/auth/tokens.ts';
import {
  deleteExpiredCredentials,
  EXPIRED_LINK_GRACE_MS,
} from '../../src/services/maintenance/delete-expired-credentials.ts';
import { createMapFixture } from '../factories/map-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const app = useTestApp();
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const later = (ms: number) => new Date(Date.now() + ms);
const tokenHash = () => hashToken(newToken('session'));

async function rows() {
  const prisma = app().prisma;
  const map = await createMapFixture(app());
  const user = map.owner.user.id;
  const session = (expiresAt: Date, workshopLinkId?: string) =>
    prisma.session.create({
      data: workshopLinkId
        ? { tokenHash: tokenHash(), workshopLinkId, guestName: 'Guest', expiresAt }
        : { tokenHash: tokenHash(), userId: user, expiresAt },
    });
  const invite = (expiresAt: Date) =>
    prisma.workspaceInvite.create({
      data: {
        workspaceId: map.workspaceId,
        email: `${randomUUID()}@example.test`,
        role: 'editor',
        tokenHash: tokenHash(),
        expiresAt,
      },
    });
  let number = 0;
  const shareLink = (data: { expiresAt?: Date; revokedAt?: Date }) =>
    prisma.shareLink.create({
      data: { mapId: map.id, number: (number += 1), tokenHash: tokenHash(), ...data },
    });
  const workshopLink = (data: { expiresAt?: Date; revokedAt?: Date }) =>
    prisma.workshopLink.create({
      data: { mapId: map.id, number: (number += 1), tokenHash: tokenHash(), ...data },
    });

  const longAgo = EXPIRED_LINK_GRACE_MS + HOUR;
  const liveWorkshop = await workshopLink({ expiresAt: later(HOUR) });
  const justExpiredWorkshop = await workshopLink({ expiresAt: ago(HOUR) });
  return {
    gone: {
      session: await session(ago(1_000)),
      guestOfExpiredLink: await session(later(HOUR), justExpiredWorkshop.id),
      invite: await invite(ago(longAgo)),
      shareLink: await shareLink({ revokedAt: ago(longAgo) }),
      workshopLink: await workshopLink({ expiresAt: ago(longAgo) }),
    },
    kept: {
      session: await session(later(HOUR)),
      guest: await session(later(HOUR), liveWorkshop.id),
      // Expired, but recently: opening it still says "expired".
      recentlyExpiredInvite: await invite(ago(HOUR)),
      invite: await invite(later(HOUR)),
      recentlyRevokedLink: await shareLink({ revokedAt: ago(HOUR) }),
      shareLink: await shareLink({}),
      justExpiredWorkshop,
    },
  };
}

async function exists(id: string): Promise<boolean> {
  const prisma = app().prisma;
  const found = await Promise.all([
    prisma.session.findUnique({ where: { id } }),
    prisma.workspaceInvite.findUnique({ where: { id } }),
    prisma.shareLink.findUnique({ where: { id } }),
    prisma.workshopLink.findUnique({ where: { id } }),
  ]);
  return found.some(Boolean);
}

describe('deleting expired credentials', () => {
  it('deletes expired sessions, guests of dead links, and old invitations and links; keeps the rest', async () => {
    const { gone, kept } = await rows();
    const deleted = await deleteExpiredCredentials(app().prisma);
    expect(deleted).not.toBeNull();
    for (const [what, row] of Object.entries(gone)) {
      expect({ what, exists: await exists(row.id) }).toEqual({ what, exists: false });
    }
    for (const [what, row] of Object.entries(kept)) {
      expect({ what, exists: await exists(row.id) }).toEqual({ what, exists: true });
    }
  });

  it('is safe when several instances run it at once', async () => {
    const { gone, kept } = await rows();
    const rounds = await Promise.all(
      Array.from({ length: 4 }, () => deleteExpiredCredentials(app().prisma)),
    );
    expect(rounds.some((round) => round !== null)).toBe(true);
    expect(await exists(gone.session.id)).toBe(false);
    expect(await exists(kept.session.id)).toBe(true);
  });

  it('runs on a timer while the server is up, and stops with it', async () => {
    const timed = await buildApp({ ...testConfig(), cleanupIntervalMs: 50 });
    await timed.ready();
    try {
      const { gone, kept } = await rows();
      const deadline = Date.now() + 10_000;
      while ((await exists(gone.session.id)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await exists(gone.session.id)).toBe(false);
      expect(await exists(kept.session.id)).toBe(true);
    } finally {
      await timed.close();
    }
  });
});
