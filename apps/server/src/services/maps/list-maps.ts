import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap } from '@journeyboard/shared';
import { toJourneyMap } from './to-journey-map.ts';

/** The maps of every workspace the user belongs to (or of one of them), with the user's role. */
export async function listMaps(
  prisma: PrismaClient,
  userId: string,
  workspaceId?: string,
): Promise<TJourneyMap[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId, ...(workspaceId ? { workspaceId } : {}) },
    select: { workspaceId: true, role: true },
  });
  const roles = new Map(memberships.map((m) => [m.workspaceId, m.role]));
  const maps = await prisma.journeyMap.findMany({
    where: { workspaceId: { in: [...roles.keys()] } },
    orderBy: { updatedAt: 'desc' },
  });
  return maps.map((map) => toJourneyMap(map, roles.get(map.workspaceId)));
}
