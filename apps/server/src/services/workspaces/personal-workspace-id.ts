import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/** Where a map goes when the caller names no workspace. */
export async function personalWorkspaceId(prisma: PrismaClient, userId: string): Promise<string> {
  const membership = await prisma.membership.findFirst({
    where: { userId, workspace: { personal: true } },
    select: { workspaceId: true },
  });
  if (!membership)
    throw new AppError('WORKSPACE_NOT_FOUND', 'You have no personal workspace; pick a workspace.');
  return membership.workspaceId;
}
