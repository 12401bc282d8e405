import type { PrismaClient } from '@journeyboard/db';
import type { TWorkshopLink } from '@journeyboard/shared';
import { activeLinkWhere, toWorkshopLink } from './to-links.ts';

export async function listWorkshopLinks(
  prisma: PrismaClient,
  mapId: string,
): Promise<TWorkshopLink[]> {
  const links = await prisma.workshopLink.findMany({
    where: activeLinkWhere(mapId),
    orderBy: { createdAt: 'desc' },
  });
  return links.map(toWorkshopLink);
}
