import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZAddMemberRequest, type TAddMemberResponse } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { newInviteLink } from './invite-link.ts';

/**
 * Adds an existing account directly (`addedById`: who did); for an email without an account,
 * creates an invitation whose link signs the person up into the workspace.
 */
export async function addMember(
  prisma: PrismaClient,
  workspaceId: string,
  request: z.output<typeof ZAddMemberRequest>,
  { origin, addedById }: { origin: string; addedById: string },
): Promise<TAddMemberResponse> {
  const { email, role } = request;
  const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  if (workspace.personal) throw new AppError('PERSONAL_WORKSPACE');
  const user = await prisma.user.findUnique({ where: { email } });
  if (user) {
    const existing = await prisma.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId: user.id } },
    });
    if (existing) throw new AppError('ALREADY_MEMBER');
    // They learn who added them next time they look (listWorkspaces' `addedBy`).
    await prisma.membership.create({ data: { workspaceId, userId: user.id, role, addedById } });
    return {
      kind: 'member',
      member: { userId: user.id, email: user.email, name: user.name, role },
    };
  }
  const link = newInviteLink(origin);
  const invite = await prisma.workspaceInvite.create({
    data: { workspaceId, email, role, tokenHash: link.tokenHash, expiresAt: link.expiresAt },
  });
  return {
    kind: 'invite',
    invite: {
      id: invite.id,
      email,
      role,
      expiresAt: invite.expiresAt.toISOString(),
      token: link.token,
      url: link.url,
    },
  };
}
