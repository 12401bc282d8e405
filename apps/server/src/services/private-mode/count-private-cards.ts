import type { PrismaClient } from '@journeyboard/db';
import type { TPrivateModeProgress } from '@journeyboard/shared';

/**
 * A brainstorm's progress: the private cards with text on the map, and how
 * many people wrote them (a card just added and still empty is not written).
 */
export async function countPrivateCards(
  prisma: PrismaClient,
  mapId: string,
): Promise<TPrivateModeProgress> {
  const writers = await prisma.privateCard.groupBy({
    by: ['authorKey'],
    where: { mapId, text: { not: '' } },
    _count: { _all: true },
  });
  const cards = writers.reduce((sum, writer) => sum + writer._count._all, 0);
  return { cards, writers: writers.length };
}
