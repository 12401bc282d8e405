import type { PrismaClient } from '@journeyboard/db';
import type { MapStatus, TJourneyMap } from '@journeyboard/shared';
import { memberMapCapabilities } from '../../policy/policy.ts';
import { MAP_INCLUDE, toJourneyMap } from './to-journey-map.ts';

/**
 * The maps of every workspace the user belongs to (or of one of them), with
 * what the user may do. Archived maps only when asked for by status: they
 * leave the everyday list, not the workspace (search still finds them).
 */
export async function listMaps(
  prisma: PrismaClient,
  userId: string,
  filters: { workspaceId?: string; status?: MapStatus; ownerId?: string } = {},
): Promise<TJourneyMap[]> {
  const { workspaceId, status, ownerId } = filters;
  const memberships = await prisma.membership.findMany({
    where: { userId, ...(workspaceId ? { workspaceId } : {}) },
    select: { workspaceId: true, role: true },
  });
  const capabilities = new Map(
    memberships.map((m) => [m.workspaceId, memberMapCapabilities(m.role)]),
  );
  const maps = await prisma.journeyMap.findMany({
    where: {
      workspaceId: { in: [...capabilities.keys()] },
      status: status ?? { not: 'archived' },
      ...(ownerId ? { ownerId } : {}),
    },
    orderBy: { updatedAt: 'desc' },
    include: MAP_INCLUDE,
  });
  return maps.map((map) => toJourneyMap(map, capabilities.get(map.workspaceId)));
}
