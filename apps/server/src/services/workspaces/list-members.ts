import type { PrismaClient } from '@journeyboard/db';
import type { TListMembersResponse } from '@journeyboard/shared';

/** Members by name; pending invitations only for owners (they hold the invite links). */
export async function listMembers(
  prisma: PrismaClient,
  workspaceId: string,
  includeInvites: boolean,
): Promise<TListMembersResponse> {
  const [members, invites] = await Promise.all([
    prisma.membership.findMany({ where: { workspaceId }, include: { user: true } }),
    includeInvites
      ? prisma.workspaceInvite.findMany({
          where: { workspaceId, acceptedAt: null, expiresAt: { gt: new Date() } },
          orderBy: { createdAt: 'asc' },
        })
      : [],
  ]);
  return {
    members: members
      .map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}
