import type { Prisma, PrismaClient } from '@journeyboard/db';
import { boardSearchText, readBoardState } from '@journeyboard/shared/board';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Rewrites what map search finds on a board from its whole state: the text
 * (boardSearchText) and its tsvector, with the 'simple' dictionary (no
 * stemming: maps are written in many languages). Called in the compaction's
 * transaction (sync/persistence.ts) and when a map is created, so the index
 * follows the board with the same delay as its snapshot.
 */
export async function indexBoardText(db: Db, mapId: string, state: Uint8Array): Promise<void> {
  const text = boardSearchText(readBoardState(state));
  await db.$executeRaw`
    INSERT INTO map_search_texts ("mapId", text, vector, "updatedAt")
    VALUES (${mapId}::uuid, ${text}, to_tsvector('simple', ${text}), now())
    ON CONFLICT ("mapId") DO UPDATE
      SET text = EXCLUDED.text, vector = EXCLUDED.vector, "updatedAt" = now()`;
}
