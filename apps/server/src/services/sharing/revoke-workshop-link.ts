import type { PrismaClient } from '@journeyboard/db';

/** Revokes the link and signs out everyone who joined through it. */
export async function revokeWorkshopLink(prisma: PrismaClient, linkId: string): Promise<void> {
  await prisma.$transaction([
    prisma.workshopLink.updateMany({
      where: { id: linkId, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
    prisma.session.deleteMany({ where: { workshopLinkId: linkId } }),
  ]);
}
