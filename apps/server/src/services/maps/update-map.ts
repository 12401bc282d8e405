import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap, TUpdateMapRequest } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { parseMapId } from './parse-map-id.ts';
import { toJourneyMap } from './to-journey-map.ts';

export async function updateMap(
  prisma: PrismaClient,
  id: string,
  changes: TUpdateMapRequest,
): Promise<TJourneyMap> {
  const { count } = await prisma.journeyMap.updateMany({
    where: { id: parseMapId(id) },
    data: changes,
  });
  if (count === 0) throw new AppError('MAP_NOT_FOUND');
  const map = await prisma.journeyMap.findUniqueOrThrow({ where: { id } });
  return toJourneyMap(map);
}
