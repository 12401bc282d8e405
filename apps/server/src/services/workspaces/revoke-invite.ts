import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/** The workspace an invitation belongs to (for the policy check before revoking it). */
export async function findInviteWorkspace(prisma: PrismaClient, inviteId: string): Promise<string> {
  const invite = await prisma.workspaceInvite.findUnique({
    where: { id: inviteId },
    select: { workspaceId: true },
  });
  if (!invite) throw new AppError('INVITE_NOT_FOUND');
  return invite.workspaceId;
}

export async function revokeInvite(prisma: PrismaClient, inviteId: string): Promise<void> {
  await prisma.workspaceInvite.deleteMany({ where: { id: inviteId } });
}
