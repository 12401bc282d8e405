import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap, ZImportMapRequest } from '@journeyboard/shared';
import { seedBoard } from '@journeyboard/shared/board';
import type { z } from 'zod';
import { planPersonaImport, writePersonaImport } from '../personas/plan-persona-import.ts';
import { createMapWithBoard } from './create-map.ts';

/**
 * A new map from an imported map file (already validated by the route's
 * schema: every reference resolves, every field is valid), created exactly
 * like a template's: map, board and the file's personas (linked by name or
 * created in the workspace) in one transaction, so a failure leaves nothing.
 */
export async function importMap(
  prisma: PrismaClient,
  input: z.output<typeof ZImportMapRequest>,
  workspaceId: string,
  userId: string,
): Promise<TJourneyMap> {
  const personas = await planPersonaImport(prisma, workspaceId, input.map.map.personas, userId);
  return createMapWithBoard(
    prisma,
    {
      title: input.title ?? input.map.map.title,
      description: input.map.map.description,
      workspaceId,
    },
    (doc) => seedBoard(doc, input.map),
    (tx, mapId) => writePersonaImport(tx, mapId, workspaceId, personas, { keepPrimary: false }),
  );
}
