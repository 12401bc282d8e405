import type { PrismaClient } from '@journeyboard/db';
import type { TPersona } from '@journeyboard/shared';
import { PERSONA_INCLUDE, toPersona } from './to-persona.ts';

export async function listPersonas(prisma: PrismaClient, workspaceId: string): Promise<TPersona[]> {
  const rows = await prisma.persona.findMany({
    where: { workspaceId },
    include: PERSONA_INCLUDE,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toPersona);
}
