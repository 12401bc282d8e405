import type { PrismaClient } from '@journeyboard/db';
import { guestPersonKey, type THands } from '@journeyboard/shared';
import { changeHands } from '../hands/hands-view.ts';

/**
 * Revokes the link, signs out everyone who joined through it and lowers
 * their raised hands: a guest who can no longer reach the map can't lower
 * their own, and the facilitator would be left calling on someone who has
 * gone. One change to the map's hands, so the caller can tell the room.
 */
export async function revokeWorkshopLink(
  prisma: PrismaClient,
  link: { id: string; parentId: string },
): Promise<{ hands: THands; changed: boolean }> {
  return changeHands(prisma, link.parentId, async (tx) => {
    await tx.workshopLink.updateMany({
      where: { id: link.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const guests = await tx.session.findMany({
      where: { workshopLinkId: link.id },
      select: { id: true },
    });
    await tx.session.deleteMany({ where: { workshopLinkId: link.id } });
    const { count } = await tx.raisedHand.deleteMany({
      where: {
        mapId: link.parentId,
        participantKey: { in: guests.map((guest) => guestPersonKey(guest.id)) },
      },
    });
    return count > 0;
  });
}
