import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { parseMapId } from './parse-map-id.ts';
import { toJourneyMap } from './to-journey-map.ts';

export async function getMap(prisma: PrismaClient, id: string): Promise<TJourneyMap> {
  const map = await prisma.journeyMap.findUnique({ where: { id: parseMapId(id) } });
  if (!map) throw new AppError('MAP_NOT_FOUND');
  return toJourneyMap(map);
}
