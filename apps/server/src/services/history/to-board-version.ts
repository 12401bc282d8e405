import type { BoardVersion } from '@journeyboard/db';
import { ZVersionReason, type EditAuthor, type TBoardVersion } from '@journeyboard/shared';

/** The columns a version's API shape needs (never the state bytes). */
export const VERSION_FIELDS = {
  id: true,
  mapId: true,
  kind: true,
  reason: true,
  name: true,
  review: true,
  summary: true,
  authorKind: true,
  authorId: true,
  authorName: true,
  createdAt: true,
} as const;

export type VersionRow = Pick<BoardVersion, keyof typeof VERSION_FIELDS>;

export function toBoardVersion(row: VersionRow): TBoardVersion {
  const reason = ZVersionReason.safeParse(row.reason);
  return {
    id: row.id,
    mapId: row.mapId,
    kind: row.kind,
    reason: reason.success ? reason.data : null,
    name: row.name,
    summary: row.summary,
    review: row.review,
    author: {
      kind: row.authorKind as EditAuthor['kind'],
      id: row.authorId,
      name: row.authorName,
    },
    createdAt: row.createdAt.toISOString(),
  };
}
