import type { Prisma, PrismaClient } from '@journeyboard/db';
import type { TJourneyMap, ZCreateMapRequest } from '@journeyboard/shared';
import { applyTemplate } from '@journeyboard/shared/board';
import * as Y from 'yjs';
import type { z } from 'zod';
import { indexBoardText } from '../search/index-board-text.ts';
import { toJourneyMap } from './to-journey-map.ts';

/**
 * Creates a map together with its board in `workspaceId` (the caller checked
 * the right to). The server seeds the board so that two browsers opening a
 * new map never both seed it (which would duplicate every stage and lane).
 * One transaction: Postgres writes the map, its board (and what comes
 * `alongside`) or nothing.
 */
export async function createMapWithBoard(
  prisma: PrismaClient,
  input: { title: string; description: string; workspaceId: string },
  seed: (doc: Y.Doc) => void,
  /** More rows that belong to the new map (an import's personas), in the same transaction. */
  alongside?: (tx: Prisma.TransactionClient, mapId: string) => Promise<void>,
): Promise<TJourneyMap> {
  const doc = new Y.Doc();
  seed(doc);
  // Prisma wants a Uint8Array over a plain ArrayBuffer.
  const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
  doc.destroy();

  const map = await prisma.$transaction(async (tx) => {
    const created = await tx.journeyMap.create({
      data: {
        workspaceId: input.workspaceId,
        title: input.title,
        description: input.description,
        board: { create: { state } },
      },
    });
    await alongside?.(tx, created.id);
    return created;
  });
  // The template's cards are findable at once, before any compaction.
  await indexBoardText(prisma, map.id, state);
  return toJourneyMap(map);
}

/** A new map from one of the templates. */
export function createMap(
  prisma: PrismaClient,
  input: z.output<typeof ZCreateMapRequest>,
  workspaceId: string,
): Promise<TJourneyMap> {
  return createMapWithBoard(
    prisma,
    { title: input.title, description: input.description, workspaceId },
    (doc) => applyTemplate(doc, input.template),
  );
}
