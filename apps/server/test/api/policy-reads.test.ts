import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../src/services/auth/tokens.ts';
import { resolveActor } from '../../src/policy/actor.ts';
import { findMapAccess } from '../../src/policy/policy.ts';
import {
  boardAccess,
  createBoard,
  shareLinkFor,
  useTestDatabase,
  workshopGuestFor,
} from '../sync/helpers.ts';

// The policy reads sessions and maps with plain SQL (past Prisma, for the
// join cost of issue #15). Prisma keeps DateTime columns as UTC wall time,
// which `pg` would read in the process's time zone: these tests run the
// reads in time zones either side of UTC.
const db = useTestDatabase();
const processTimeZone = process.env.TZ;

afterEach(() => {
  if (processTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = processTimeZone;
});

describe('what the policy reads', () => {
  it.each(['America/Los_Angeles', 'Asia/Tokyo'])(
    'reads a map as Prisma does (time zone %s)',
    async (timeZone) => {
      const { prisma } = db();
      const mapId = await createBoard(prisma);
      await prisma.journeyMap.update({
        where: { id: mapId },
        data: { nextReviewAt: new Date('2027-01-15T09:30:00.000Z'), status: 'current' },
      });
      const { owner } = boardAccess(mapId);
      process.env.TZ = timeZone;

      const actor = await resolveActor(prisma, { sessionToken: owner.token });
      const access = await findMapAccess(prisma, actor, mapId);

      expect(access?.map).toEqual(
        await prisma.journeyMap.findUniqueOrThrow({ where: { id: mapId } }),
      );
      expect(access?.kinds).toEqual(['owner']);
    },
  );

  it('takes a session until it expires, whatever the process time zone', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const { owner } = boardAccess(mapId);
    const sessionUntil = async (expiresAt: Date) => {
      const token = newToken('session');
      await prisma.session.create({
        data: { tokenHash: hashToken(token), userId: owner.userId, expiresAt },
      });
      return { token };
    };
    const valid = await sessionUntil(new Date(Date.now() + 30 * 60_000));
    const expired = await sessionUntil(new Date(Date.now() - 30 * 60_000));

    // East of UTC a local reading would end a session hours early, west of it
    // keep an expired one for hours.
    process.env.TZ = 'Asia/Tokyo';
    expect((await resolveActor(prisma, { sessionToken: valid.token })).user?.user.id).toBe(
      owner.userId,
    );
    process.env.TZ = 'America/Los_Angeles';
    expect((await resolveActor(prisma, { sessionToken: expired.token })).user).toBeNull();
  });

  it('takes workshop and share links until they expire, whatever the process time zone', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const inHalfAnHour = new Date(Date.now() + 30 * 60_000);
    const guest = await workshopGuestFor(prisma, mapId, 'Gina Guest');
    await prisma.workshopLink.update({
      where: { id: guest.linkId },
      data: { expiresAt: inHalfAnHour },
    });
    const validLink = await shareLinkFor(prisma, mapId, { expiresAt: inHalfAnHour });
    const expiredLink = await shareLinkFor(prisma, mapId, {
      expiresAt: new Date(Date.now() - 30 * 60_000),
    });
    const guestToken = guest.cookie.replace('jb_guest=', '');

    process.env.TZ = 'Asia/Tokyo';
    const actor = await resolveActor(prisma, {
      guestToken,
      shareToken: validLink.token,
    });
    expect(actor.guest).toEqual({
      sessionId: guest.sessionId,
      sessionExpiresAt: expect.any(Date) as Date,
      name: 'Gina Guest',
      mapId,
      workshopLinkId: guest.linkId,
      linkExpiresAt: inHalfAnHour,
    });
    expect(actor.share).toEqual({
      linkId: validLink.linkId,
      mapId,
      allowComments: false,
      expiresAt: inHalfAnHour,
      unlockExpiresAt: null,
      passwordVersion: 0,
    });
    process.env.TZ = 'America/Los_Angeles';
    expect((await resolveActor(prisma, { shareToken: expiredLink.token })).share).toBeNull();
  });

  it('takes a password link’s unlock until it runs out, whatever the process time zone', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const link = await shareLinkFor(prisma, mapId);
    await prisma.shareLink.update({
      where: { id: link.linkId },
      data: { passwordHash: 'not checked here', passwordVersion: 1 },
    });
    const unlockUntil = async (expiresAt: Date) => {
      const token = newToken('shareUnlock');
      await prisma.shareLinkUnlock.create({
        data: { linkId: link.linkId, tokenHash: hashToken(token), passwordVersion: 1, expiresAt },
      });
      return token;
    };
    const inAQuarterHour = new Date(Date.now() + 15 * 60_000);
    const valid = await unlockUntil(inAQuarterHour);
    const expired = await unlockUntil(new Date(Date.now() - 15 * 60_000));

    process.env.TZ = 'Asia/Tokyo';
    const unlocked = await resolveActor(prisma, {
      shareToken: link.token,
      shareUnlockTokens: [valid],
    });
    expect(unlocked.share?.unlockExpiresAt).toEqual(inAQuarterHour);
    process.env.TZ = 'America/Los_Angeles';
    const lapsed = await resolveActor(prisma, {
      shareToken: link.token,
      shareUnlockTokens: [expired],
    });
    expect(lapsed).toMatchObject({ share: null, shareLocked: true });
  });
});
