import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap, ZImportMapRequest } from '@journeyboard/shared';
import { seedBoard } from '@journeyboard/shared/board';
import type { z } from 'zod';
import { createMapWithBoard } from './create-map.ts';

/**
 * A new map from an imported map file (already validated by the route's
 * schema: every reference resolves, every field is valid), created exactly
 * like a template's: map and board in one write, so a failure leaves nothing.
 */
export function importMap(
  prisma: PrismaClient,
  input: z.output<typeof ZImportMapRequest>,
  workspaceId: string,
): Promise<TJourneyMap> {
  return createMapWithBoard(
    prisma,
    {
      title: input.title ?? input.map.map.title,
      description: input.map.map.description,
      workspaceId,
    },
    (doc) => seedBoard(doc, input.map),
  );
}
