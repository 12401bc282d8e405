import type { PrismaClient } from '@journeyboard/db';

/** The member has seen who added them: their workspace list stops saying so. */
export async function acknowledgeAdded(
  prisma: PrismaClient,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await prisma.membership.updateMany({
    where: { workspaceId, userId, seenAt: null },
    data: { seenAt: new Date() },
  });
}
