import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZUpdateMemberRequest, type TMember } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { countOwners, lockWorkspace } from './lock-workspace.ts';

export async function changeMemberRole(
  prisma: PrismaClient,
  workspaceId: string,
  userId: string,
  request: z.output<typeof ZUpdateMemberRequest>,
): Promise<TMember> {
  const { role } = request;
  return prisma.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const member = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
      include: { user: true },
    });
    if (!member) throw new AppError('MEMBER_NOT_FOUND');
    if (member.role === 'owner' && role !== 'owner' && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError('LAST_OWNER');
    }
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId } },
      data: { role },
    });
    return { userId, email: member.user.email, name: member.user.name, role };
  });
}
