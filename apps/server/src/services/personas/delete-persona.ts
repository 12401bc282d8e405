import type { PrismaClient } from '@journeyboard/db';

/**
 * Deletes the persona and (by cascade) unlinks it from every map. The UI asks
 * first, using the persona's `mapIds`; the API doesn't, like deleting a map.
 */
export async function deletePersona(prisma: PrismaClient, personaId: string): Promise<void> {
  await prisma.persona.deleteMany({ where: { id: personaId } });
}
