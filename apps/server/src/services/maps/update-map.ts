import type { PrismaClient } from '@journeyboard/db';
import type { MapAction, TJourneyMap, TUpdateMapRequest } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { loadJourneyMap } from './to-journey-map.ts';

export async function updateMap(
  prisma: PrismaClient,
  mapId: string,
  changes: TUpdateMapRequest,
  capabilities?: readonly MapAction[],
): Promise<TJourneyMap> {
  const { count } = await prisma.journeyMap.updateMany({ where: { id: mapId }, data: changes });
  if (count === 0) throw new AppError('MAP_NOT_FOUND');
  return loadJourneyMap(prisma, mapId, capabilities);
}
