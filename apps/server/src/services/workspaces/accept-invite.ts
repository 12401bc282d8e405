import type { PrismaClient } from '@journeyboard/db';
import type { TWorkspace } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { hashToken } from '../auth/tokens.ts';
import { toWorkspace } from './to-workspace.ts';

/** A signed-in account follows an invitation link: joins with the invited role. */
export async function acceptInvite(
  prisma: PrismaClient,
  userId: string,
  token: string,
): Promise<TWorkspace> {
  return prisma.$transaction(async (tx) => {
    const invite = await tx.workspaceInvite.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { workspace: true },
    });
    if (!invite || invite.acceptedAt) throw new AppError('INVITE_NOT_FOUND');
    if (invite.expiresAt <= new Date()) throw new AppError('INVITE_EXPIRED');
    const { count } = await tx.workspaceInvite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count === 0) throw new AppError('INVITE_NOT_FOUND');
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId } },
    });
    const role = existing?.role ?? invite.role;
    if (!existing) {
      await tx.membership.create({ data: { workspaceId: invite.workspaceId, userId, role } });
    }
    return toWorkspace(invite.workspace, role);
  });
}
