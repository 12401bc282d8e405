import type { PrismaClient } from '@journeyboard/db';

/** Marks the link revoked (kept for the record); the caller closes its open sockets. */
export async function revokeShareLink(prisma: PrismaClient, linkId: string): Promise<void> {
  await prisma.shareLink.updateMany({
    where: { id: linkId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
