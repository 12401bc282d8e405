import type { PrismaClient } from '@journeyboard/db';
import type { TFacilitation } from '@journeyboard/shared';
import { getFacilitation } from './facilitation-view.ts';

/** Spotlights a stage for everyone (`stageId` null: ends the spotlight). */
export async function spotlightStage(
  prisma: PrismaClient,
  mapId: string,
  stageId: string | null,
): Promise<TFacilitation> {
  await prisma.mapFacilitation.upsert({
    where: { mapId },
    create: { mapId, spotlightStageId: stageId, revision: 1 },
    update: { spotlightStageId: stageId, revision: { increment: 1 } },
  });
  return getFacilitation(prisma, mapId);
}
