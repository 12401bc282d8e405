import type { PrismaClient } from '@journeyboard/db';
import type { TInviteWithLink } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { newInviteLink } from './invite-link.ts';

/**
 * A new link for a pending invitation (authorised by the caller on its
 * workspace). Only a token's hash is kept, so a link lost after it was shown
 * can't be shown again: this replaces it — the old link stops working — and
 * the invitation runs 14 days from now. An accepted one is gone from the list
 * already, so it is "not found".
 */
export async function renewInvite(
  prisma: PrismaClient,
  inviteId: string,
  origin: string,
): Promise<TInviteWithLink> {
  const link = newInviteLink(origin);
  const { count } = await prisma.workspaceInvite.updateMany({
    where: { id: inviteId, acceptedAt: null },
    data: { tokenHash: link.tokenHash, expiresAt: link.expiresAt },
  });
  if (count === 0) throw new AppError('INVITE_NOT_FOUND');
  const invite = await prisma.workspaceInvite.findUniqueOrThrow({ where: { id: inviteId } });
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role,
    expiresAt: invite.expiresAt.toISOString(),
    token: link.token,
    url: link.url,
  };
}
