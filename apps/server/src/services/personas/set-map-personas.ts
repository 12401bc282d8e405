import type { JourneyMap, PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZSetMapPersonasRequest, type TMapPersona } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { listMapPersonas } from './list-map-personas.ts';

/**
 * Replaces the map's persona links in one transaction (under a row lock on
 * the map), so concurrent saves never leave two primaries. The first persona
 * is primary unless `primaryId` says otherwise.
 */
export async function setMapPersonas(
  prisma: PrismaClient,
  map: Pick<JourneyMap, 'id' | 'workspaceId'>,
  input: z.output<typeof ZSetMapPersonasRequest>,
): Promise<TMapPersona[]> {
  const ids = input.personaIds;
  const primaryId = input.primaryId ?? ids[0] ?? null;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM journey_maps WHERE id = ${map.id}::uuid FOR UPDATE`;
    const found = await tx.persona.count({
      where: { id: { in: ids }, workspaceId: map.workspaceId },
    });
    if (found !== ids.length) throw new AppError('PERSONA_NOT_IN_WORKSPACE');
    await tx.mapPersona.deleteMany({ where: { mapId: map.id, personaId: { notIn: ids } } });
    for (const personaId of ids) {
      const primary = personaId === primaryId;
      await tx.mapPersona.upsert({
        where: { mapId_personaId: { mapId: map.id, personaId } },
        create: { mapId: map.id, personaId, primary },
        update: { primary },
      });
    }
  });
  return listMapPersonas(prisma, map.id);
}
