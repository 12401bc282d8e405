import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import {
  PERSONA_COLORS,
  personaInitials,
  type ZCreatePersonaRequest,
  type TPersona,
} from '@journeyboard/shared';
import { PERSONA_INCLUDE, toPersona } from './to-persona.ts';

/** A stable colour from the name, so a persona created without one still looks distinct. */
export function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PERSONA_COLORS[hash % PERSONA_COLORS.length] ?? PERSONA_COLORS[0];
}

export async function createPersona(
  prisma: PrismaClient,
  workspaceId: string,
  createdById: string,
  input: z.output<typeof ZCreatePersonaRequest>,
): Promise<TPersona> {
  const row = await prisma.persona.create({
    data: {
      ...input,
      workspaceId,
      createdById,
      initials: (input.initials ?? personaInitials(input.name)).toUpperCase(),
      color: input.color ?? colorFor(input.name),
    },
    include: PERSONA_INCLUDE,
  });
  return toPersona(row);
}
