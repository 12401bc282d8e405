import type { PrismaClient } from '@journeyboard/db';
import type { TMapPersona } from '@journeyboard/shared';
import { PERSONA_INCLUDE, toPersona } from './to-persona.ts';

/** The personas linked to a map, primary first. */
export async function listMapPersonas(prisma: PrismaClient, mapId: string): Promise<TMapPersona[]> {
  const links = await prisma.mapPersona.findMany({
    where: { mapId },
    include: { persona: { include: PERSONA_INCLUDE } },
    orderBy: [{ primary: 'desc' }, { createdAt: 'asc' }, { personaId: 'asc' }],
  });
  return links.map((link) => ({ ...toPersona(link.persona), primary: link.primary }));
}
