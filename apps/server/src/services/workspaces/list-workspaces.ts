import type { PrismaClient } from '@journeyboard/db';
import type { TWorkspace } from '@journeyboard/shared';
import { toWorkspace } from './to-workspace.ts';

/** The user's workspaces, personal one first, then by name. */
export async function listWorkspaces(prisma: PrismaClient, userId: string): Promise<TWorkspace[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    include: { workspace: true, addedBy: { select: { name: true } } },
  });
  return memberships
    .map((m) => toWorkspace(m.workspace, m.role, m.seenAt ? undefined : m.addedBy?.name))
    .sort((a, b) => Number(b.personal) - Number(a.personal) || a.name.localeCompare(b.name));
}
