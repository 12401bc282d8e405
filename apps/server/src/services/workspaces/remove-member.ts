import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';
import { countOwners, lockWorkspace } from './lock-workspace.ts';

/** Removes a member (or lets someone leave). The last owner cannot go. */
export async function removeMember(
  prisma: PrismaClient,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const member = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
    });
    if (!member) throw new AppError('MEMBER_NOT_FOUND');
    if (member.role === 'owner' && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError('LAST_OWNER');
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
  });
}
