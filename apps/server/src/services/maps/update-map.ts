import type { PrismaClient } from '@journeyboard/db';
import type { MapAction, TJourneyMap, TUpdateMapRequest } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { parseMapId } from './parse-map-id.ts';
import { toJourneyMap } from './to-journey-map.ts';

export async function updateMap(
  prisma: PrismaClient,
  id: string,
  changes: TUpdateMapRequest,
  capabilities?: readonly MapAction[],
): Promise<TJourneyMap> {
  const mapId = parseMapId(id);
  const { count } = await prisma.journeyMap.updateMany({ where: { id: mapId }, data: changes });
  if (count === 0) throw new AppError('MAP_NOT_FOUND');
  const map = await prisma.journeyMap.findUniqueOrThrow({ where: { id: mapId } });
  return toJourneyMap(map, capabilities);
}
