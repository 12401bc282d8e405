import type { PrismaClient } from '@journeyboard/db';

/**
 * Deletes the persona and (by cascade) unlinks it from every map. The UI asks
 * first, using the persona's `mapIds`; the API doesn't, like deleting a map.
 * Returns the maps it was unlinked from (their people are told).
 */
export async function deletePersona(prisma: PrismaClient, personaId: string): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const links = await tx.mapPersona.findMany({ where: { personaId }, select: { mapId: true } });
    await tx.persona.deleteMany({ where: { id: personaId } });
    return links.map((link) => link.mapId);
  });
}
