import type { PrismaClient } from '@journeyboard/db';

/** Withdraws a pending invitation (authorised by the caller on its workspace). */
export async function revokeInvite(prisma: PrismaClient, inviteId: string): Promise<void> {
  await prisma.workspaceInvite.deleteMany({ where: { id: inviteId } });
}
