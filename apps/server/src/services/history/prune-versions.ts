import type { PrismaClient } from '@journeyboard/db';
import { versionsToDrop } from './retention.ts';

/** Thins a map's automatic versions by age (retention.ts). Resolves to how many were deleted. */
export async function pruneVersions(
  prisma: PrismaClient,
  mapId: string,
  now = new Date(),
): Promise<number> {
  const versions = await prisma.boardVersion.findMany({
    where: { mapId, kind: 'auto' },
    select: { id: true, kind: true, createdAt: true },
  });
  const drop = versionsToDrop(versions, now);
  if (drop.length === 0) return 0;
  const { count } = await prisma.boardVersion.deleteMany({ where: { id: { in: drop } } });
  return count;
}
