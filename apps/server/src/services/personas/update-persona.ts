import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZUpdatePersonaRequest, type TPersona } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { PERSONA_INCLUDE, toPersona } from './to-persona.ts';

/** Changes only the fields sent. */
export async function updatePersona(
  prisma: PrismaClient,
  personaId: string,
  input: z.output<typeof ZUpdatePersonaRequest>,
): Promise<TPersona> {
  const data = {
    ...input,
    ...(input.initials !== undefined ? { initials: input.initials.toUpperCase() } : {}),
    ...(input.color !== undefined ? { color: input.color } : {}),
  };
  const rows = await prisma.persona.updateMany({ where: { id: personaId }, data });
  if (rows.count === 0) throw new AppError('PERSONA_NOT_FOUND');
  const row = await prisma.persona.findUniqueOrThrow({
    where: { id: personaId },
    include: PERSONA_INCLUDE,
  });
  return toPersona(row);
}
