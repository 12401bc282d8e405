import { isUniqueViolation, type PrismaClient } from '@journeyboard/db';
import type { ZSignupRequest, TSignupResponse } from '@journeyboard/shared';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { claimLegacyWorkspace } from './claim-legacy-workspace.ts';
import { hashPassword } from './password.ts';
import { hashToken } from './tokens.ts';

/**
 * Creates an account with its personal workspace. With an invitation token
 * the account also joins the inviting workspace with the invited role, and
 * says which (`joinedWorkspaceId`: the app opens it, not the empty personal one).
 */
export async function signUp(
  prisma: PrismaClient,
  input: z.output<typeof ZSignupRequest>,
): Promise<TSignupResponse> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const invite = input.inviteToken
        ? await tx.workspaceInvite.findUnique({
            where: { tokenHash: hashToken(input.inviteToken) },
          })
        : null;
      if (input.inviteToken) {
        if (!invite || invite.acceptedAt) throw new AppError('INVITE_NOT_FOUND');
        if (invite.expiresAt <= new Date()) throw new AppError('INVITE_EXPIRED');
      }
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
      });
      await tx.workspace.create({
        data: {
          name: `${input.name}'s maps`,
          personal: true,
          members: { create: { userId: user.id, role: 'owner' } },
        },
      });
      if (invite) {
        await tx.membership.create({
          data: { workspaceId: invite.workspaceId, userId: user.id, role: invite.role },
        });
        await tx.workspaceInvite.update({
          where: { id: invite.id },
          data: { acceptedAt: new Date() },
        });
      }
      await claimLegacyWorkspace(tx, user.id);
      return {
        user: { id: user.id, email: user.email, name: user.name },
        joinedWorkspaceId: invite?.workspaceId ?? null,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('EMAIL_TAKEN');
    }
    throw error;
  }
}
