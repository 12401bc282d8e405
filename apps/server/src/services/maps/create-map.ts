import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap, ZCreateMapRequest } from '@journeyboard/shared';
import { applyTemplate } from '@journeyboard/shared/board';
import * as Y from 'yjs';
import type { z } from 'zod';
import { indexBoardText } from '../search/index-board-text.ts';
import { toJourneyMap } from './to-journey-map.ts';

/**
 * Creates a map together with its board in `workspaceId` (the caller checked
 * the right to). The server seeds the board from the template so that two
 * browsers opening a new map never both seed it (which would duplicate every
 * stage and lane).
 */
export async function createMap(
  prisma: PrismaClient,
  input: z.output<typeof ZCreateMapRequest>,
  workspaceId: string,
): Promise<TJourneyMap> {
  const doc = new Y.Doc();
  applyTemplate(doc, input.template);
  // Prisma wants a Uint8Array over a plain ArrayBuffer.
  const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
  doc.destroy();

  const map = await prisma.journeyMap.create({
    data: {
      workspaceId,
      title: input.title,
      description: input.description,
      board: { create: { state } },
    },
  });
  // The template's cards are findable at once, before any compaction.
  await indexBoardText(prisma, map.id, state);
  return toJourneyMap(map);
}
