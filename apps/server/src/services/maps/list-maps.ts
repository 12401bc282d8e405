import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap } from '@journeyboard/shared';
import { memberMapCapabilities } from '../../policy/policy.ts';
import { toJourneyMap } from './to-journey-map.ts';

/** The maps of every workspace the user belongs to (or of one of them), with what the user may do. */
export async function listMaps(
  prisma: PrismaClient,
  userId: string,
  workspaceId?: string,
): Promise<TJourneyMap[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId, ...(workspaceId ? { workspaceId } : {}) },
    select: { workspaceId: true, role: true },
  });
  const capabilities = new Map(
    memberships.map((m) => [m.workspaceId, memberMapCapabilities(m.role)]),
  );
  const maps = await prisma.journeyMap.findMany({
    where: { workspaceId: { in: [...capabilities.keys()] } },
    orderBy: { updatedAt: 'desc' },
  });
  return maps.map((map) => toJourneyMap(map, capabilities.get(map.workspaceId)));
}
