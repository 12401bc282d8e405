import type { PrismaClient } from '@journeyboard/db';

/** Opening a map again within this long is the same visit (reloads, tab switches). */
export const SAME_VISIT_MS = 30 * 60_000;

/**
 * Records that the user opened the map now. Resolves to their previous
 * visit — where "since my last visit" starts.
 */
export async function recordVisit(
  prisma: PrismaClient,
  mapId: string,
  userId: string,
  now = new Date(),
): Promise<Date | null> {
  const visit = await prisma.mapVisit.findUnique({ where: { mapId_userId: { mapId, userId } } });
  const sameVisit = visit && now.getTime() - visit.lastVisitAt.getTime() < SAME_VISIT_MS;
  const previousVisitAt = sameVisit ? visit.previousVisitAt : (visit?.lastVisitAt ?? null);
  await prisma.mapVisit.upsert({
    where: { mapId_userId: { mapId, userId } },
    create: { mapId, userId, lastVisitAt: now, previousVisitAt: null },
    update: { lastVisitAt: now, previousVisitAt },
  });
  return previousVisitAt;
}
