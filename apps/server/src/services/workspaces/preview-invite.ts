import type { PrismaClient } from '@journeyboard/db';
import type { TPreviewInviteResponse } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { hashToken } from '../auth/tokens.ts';

/**
 * What the sign-up page says before anyone signs up: the workspace's name
 * and the address invited (the token's holder was sent both). Nothing is
 * created or accepted.
 */
export async function previewInvite(
  prisma: PrismaClient,
  token: string,
): Promise<TPreviewInviteResponse> {
  const invite = await prisma.workspaceInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { select: { name: true } } },
  });
  if (!invite || invite.acceptedAt) throw new AppError('INVITE_NOT_FOUND');
  if (invite.expiresAt <= new Date()) throw new AppError('INVITE_EXPIRED');
  return {
    workspaceName: invite.workspace.name,
    email: invite.email,
    role: invite.role,
    expiresAt: invite.expiresAt.toISOString(),
  };
}
