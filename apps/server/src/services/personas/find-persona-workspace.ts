import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/** Which workspace a persona belongs to (to authorise); unknown ids are PERSONA_NOT_FOUND. */
export async function findPersonaWorkspace(
  prisma: PrismaClient,
  personaId: string,
): Promise<string> {
  const persona = await prisma.persona.findUnique({
    where: { id: personaId },
    select: { workspaceId: true },
  });
  if (!persona) throw new AppError('PERSONA_NOT_FOUND');
  return persona.workspaceId;
}
