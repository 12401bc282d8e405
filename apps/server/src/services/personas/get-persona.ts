import type { PrismaClient } from '@journeyboard/db';
import type { TPersona } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { PERSONA_INCLUDE, toPersona } from './to-persona.ts';

export async function getPersona(prisma: PrismaClient, personaId: string): Promise<TPersona> {
  const row = await prisma.persona.findUnique({
    where: { id: personaId },
    include: PERSONA_INCLUDE,
  });
  if (!row) throw new AppError('PERSONA_NOT_FOUND');
  return toPersona(row);
}
