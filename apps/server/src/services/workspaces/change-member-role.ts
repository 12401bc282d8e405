import type { PrismaClient } from '@journeyboard/db';
import {
  ZUpdateMemberRequest,
  type TMember,
  type TUpdateMemberRequest,
} from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { isUuid } from '../../policy/policy.ts';
import { countOwners, lockWorkspace } from './lock-workspace.ts';

export async function changeMemberRole(
  prisma: PrismaClient,
  workspaceId: string,
  userId: string,
  request: TUpdateMemberRequest,
): Promise<TMember> {
  const { role } = ZUpdateMemberRequest.parse(request);
  if (!isUuid(userId)) throw new AppError('MEMBER_NOT_FOUND');
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
