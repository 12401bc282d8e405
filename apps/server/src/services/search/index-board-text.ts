import type { Prisma, PrismaClient } from '@journeyboard/db';
import { boardSearchText, readBoardState } from '@journeyboard/shared/board';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Rewrites what map search finds on a board from its whole state: the text
 * (boardSearchText) and its tsvector. Called when a map is created or
 * imported into; compaction stores the text its merge already read
 * (storeSearchText), so the index follows the board with the same delay as
 * its snapshot.
 */
export async function indexBoardText(db: Db, mapId: string, state: Uint8Array): Promise<void> {
  await storeSearchText(db, mapId, boardSearchText(readBoardState(state)));
}

/** Stores a board's search text, with the 'simple' dictionary (no stemming: maps are written in many languages). */
export async function storeSearchText(db: Db, mapId: string, text: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO map_search_texts ("mapId", text, vector, "updatedAt")
    VALUES (${mapId}::uuid, ${text}, to_tsvector('simple', ${text}), now())
    ON CONFLICT ("mapId") DO UPDATE
      SET text = EXCLUDED.text, vector = EXCLUDED.vector, "updatedAt" = now()`;
}
