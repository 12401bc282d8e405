import type { PrismaClient } from '@journeyboard/db';
import type { TMapSearchResult } from '@journeyboard/shared';
import { memberMapCapabilities } from '../../policy/policy.ts';
import { MAP_INCLUDE, toJourneyMap } from '../maps/to-journey-map.ts';
import { indexBoardText } from './index-board-text.ts';
import { snippetOfMatches } from './search-snippet.ts';

/** At most this many results: a search, not an export. */
export const SEARCH_RESULTS_MAX = 50;
/** Maps without a search row (from before search existed) indexed per search, from their snapshot. */
const BACKFILL_PER_SEARCH = 20;

/**
 * The search as a tsquery: its words (letters and digits only, so nothing
 * the tsquery syntax would read as an operator), each a prefix, all needed.
 * Null when it has no word.
 */
export function toPrefixQuery(search: string): string | null {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(' & ');
}

interface Row {
  id: string;
  workspaceName: string;
  snippet: string;
}

/**
 * Maps of the workspaces `userId` belongs to whose title, description or
 * board text match every word, best first (title counts most, then the
 * description, then the board). Share links and guests never search.
 */
export async function searchMaps(
  prisma: PrismaClient,
  userId: string,
  search: string,
): Promise<TMapSearchResult[]> {
  const query = toPrefixQuery(search);
  if (!query) return [];
  await backfillMissing(prisma, userId);
  const rows = await prisma.$queryRaw<Row[]>`
    WITH q AS (SELECT to_tsquery('simple', ${query}) AS query)
    SELECT m.id, w.name AS "workspaceName",
      ts_headline('simple',
        m.title || E'\n' || m.description || E'\n' || coalesce(s.text, ''), q.query,
        'StartSel=«, StopSel=», MaxFragments=3, MaxWords=14, MinWords=4, FragmentDelimiter=" … "'
      ) AS snippet
    FROM journey_maps m
    JOIN memberships mb ON mb."workspaceId" = m."workspaceId" AND mb."userId" = ${userId}::uuid
    JOIN workspaces w ON w.id = m."workspaceId"
    LEFT JOIN map_search_texts s ON s."mapId" = m.id
    CROSS JOIN q
    WHERE (setweight(to_tsvector('simple', m.title), 'A')
          || setweight(to_tsvector('simple', m.description), 'B')) @@ q.query
       OR s.vector @@ q.query
    ORDER BY ts_rank(
        setweight(to_tsvector('simple', m.title), 'A')
          || setweight(to_tsvector('simple', m.description), 'B')
          || setweight(coalesce(s.vector, ''::tsvector), 'C'),
        q.query) DESC,
      m."updatedAt" DESC
    LIMIT ${SEARCH_RESULTS_MAX}`;
  if (rows.length === 0) return [];
  const [maps, memberships] = await Promise.all([
    prisma.journeyMap.findMany({
      where: { id: { in: rows.map((row) => row.id) } },
      include: MAP_INCLUDE,
    }),
    prisma.membership.findMany({ where: { userId }, select: { workspaceId: true, role: true } }),
  ]);
  const byId = new Map(maps.map((map) => [map.id, map]));
  const roles = new Map(memberships.map((m) => [m.workspaceId, m.role]));
  return rows.flatMap((row) => {
    const map = byId.get(row.id);
    const role = map ? roles.get(map.workspaceId) : undefined;
    if (!map || !role) return [];
    return [
      {
        map: toJourneyMap(map, memberMapCapabilities(role)),
        workspaceName: row.workspaceName,
        snippet: snippetOfMatches(row.snippet),
      },
    ];
  });
}

/** Indexes a few of this person's maps that have a snapshot but no search row yet. */
async function backfillMissing(prisma: PrismaClient, userId: string): Promise<void> {
  const missing = await prisma.$queryRaw<{ mapId: string; state: Uint8Array }[]>`
    SELECT b."mapId", b.state FROM board_snapshots b
    JOIN journey_maps m ON m.id = b."mapId"
    JOIN memberships mb ON mb."workspaceId" = m."workspaceId" AND mb."userId" = ${userId}::uuid
    WHERE NOT EXISTS (SELECT 1 FROM map_search_texts s WHERE s."mapId" = b."mapId")
    LIMIT ${BACKFILL_PER_SEARCH}`;
  for (const row of missing) await indexBoardText(prisma, row.mapId, row.state);
}
