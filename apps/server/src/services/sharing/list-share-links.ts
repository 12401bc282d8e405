import type { PrismaClient } from '@journeyboard/db';
import type { TShareLink } from '@journeyboard/shared';
import { activeLinkWhere, toShareLink } from './to-links.ts';

export async function listShareLinks(prisma: PrismaClient, mapId: string): Promise<TShareLink[]> {
  const links = await prisma.shareLink.findMany({
    where: activeLinkWhere(mapId),
    orderBy: { createdAt: 'desc' },
  });
  return links.map(toShareLink);
}
