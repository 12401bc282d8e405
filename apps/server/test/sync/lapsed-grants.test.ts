// lapsedGrants against a real database: which of the grants open sockets rest
// on a missed revocation (a Redis gap) has made void. The end-to-end path — an
// instance closing such a socket once Redis is back — is in
// scale-out-failures.test.ts, "Redis restarting".
import { describe, expect, it } from 'vitest';
import { grantKey } from '../../src/sync/access.ts';
import { lapsedGrants } from '../../src/sync/lapsed-grants.ts';
import {
  boardAccess,
  createBoard,
  shareLinkFor,
  useTestDatabase,
  workshopGuestFor,
} from './helpers.ts';

const db = useTestDatabase();

describe('lapsedGrants', () => {
  it('names revoked links, ended sessions, removed members and changed roles; live grants pass', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const { workspaceId, owner, editor } = boardAccess(mapId);
    const [liveLink, revokedLink] = [
      await shareLinkFor(prisma, mapId),
      await shareLinkFor(prisma, mapId),
    ];
    const expiredLink = await shareLinkFor(prisma, mapId, { expiresAt: new Date(Date.now() - 1) });
    const guest = await workshopGuestFor(prisma, mapId, 'Gabi Guest');
    const signedOut = await workshopGuestFor(prisma, mapId, 'Sam Signed-out');
    const ownerSession = await prisma.session.findFirstOrThrow({ where: { userId: owner.userId } });

    await prisma.shareLink.update({
      where: { id: revokedLink.linkId },
      data: { revokedAt: new Date() },
    });
    // A password set on the live link since its sockets opened (version 0 → 1).
    await prisma.shareLink.update({
      where: { id: liveLink.linkId },
      data: { passwordHash: 'scrypt$…', passwordVersion: 1 },
    });
    await prisma.session.delete({ where: { id: signedOut.sessionId } });
    await prisma.membership.update({
      where: { workspaceId_userId: { workspaceId, userId: editor.userId } },
      data: { role: 'viewer' },
    });
    const stranger = await createBoard(prisma); // an owner with no membership in this workspace
    const strangerId = boardAccess(stranger).owner.userId;

    const held = new Map([
      [grantKey.share(liveLink.linkId), null],
      [grantKey.password(liveLink.linkId, 0), null],
      [grantKey.password(liveLink.linkId, 1), null],
      [grantKey.share(revokedLink.linkId), null],
      [grantKey.share(expiredLink.linkId), null],
      [grantKey.workshop(guest.linkId), null],
      [grantKey.session(guest.sessionId), null],
      [grantKey.session(signedOut.sessionId), null],
      [grantKey.session(ownerSession.id), 'owner' as const],
      [grantKey.member(workspaceId, owner.userId), 'owner' as const],
      [grantKey.member(workspaceId, editor.userId), 'editor' as const],
      [grantKey.member(workspaceId, strangerId), 'editor' as const],
    ]);

    expect(Object.fromEntries(await lapsedGrants(prisma, held))).toEqual({
      [grantKey.share(revokedLink.linkId)]: 'revoked',
      [grantKey.password(liveLink.linkId, 0)]: 'revoked',
      [grantKey.share(expiredLink.linkId)]: 'revoked',
      [grantKey.session(signedOut.sessionId)]: 'revoked',
      [grantKey.member(workspaceId, editor.userId)]: 'changed',
      [grantKey.member(workspaceId, strangerId)]: 'revoked',
    });
  });
});
