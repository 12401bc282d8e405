import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap } from '@journeyboard/shared';
import { toJourneyMap } from './to-journey-map.ts';

export async function listMaps(prisma: PrismaClient): Promise<TJourneyMap[]> {
  const maps = await prisma.journeyMap.findMany({ orderBy: { updatedAt: 'desc' } });
  return maps.map(toJourneyMap);
}
