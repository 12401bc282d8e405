import { Prisma, type PrismaClient } from '@journeyboard/db';
import type { TFacilitation } from '@journeyboard/shared';
import { getFacilitation } from './facilitation-view.ts';

/** Everyone stops following the facilitator. `changed: false` when nobody was summoned. */
export async function endSummon(
  prisma: PrismaClient,
  mapId: string,
): Promise<{ facilitation: TFacilitation; changed: boolean }> {
  const { count } = await prisma.mapFacilitation.updateMany({
    where: { mapId, summonUserId: { not: null } },
    data: {
      summonUserId: null,
      summonName: null,
      summonViewport: Prisma.DbNull,
      summonStartedAt: null,
      summonRenewedAt: null,
      revision: { increment: 1 },
    },
  });
  return { facilitation: await getFacilitation(prisma, mapId), changed: count > 0 };
}
