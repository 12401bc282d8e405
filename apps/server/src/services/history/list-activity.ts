import type { Prisma, PrismaClient } from '@journeyboard/db';
import type { EditAuthor, TActivityEntry, TActivityResponse } from '@journeyboard/shared';
import { describeActivity, type BoardChange, type BoardNames } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';

export interface ActivityFilter {
  readonly authorId?: string | undefined;
  readonly stageId?: string | undefined;
  readonly cardId?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/**
 * A map's activity feed, newest first, paged by a cursor (`<at ISO>|<id>`
 * of the last entry returned). Sentences name stages and lanes as `names`
 * has them (the live board).
 */
export async function listActivity(
  prisma: PrismaClient,
  mapId: string,
  filter: ActivityFilter,
  names: BoardNames,
): Promise<TActivityResponse> {
  const where: Prisma.BoardActivityWhereInput = { mapId };
  if (filter.authorId) where.authorId = filter.authorId;
  // The map's own entries (a rename, a restore) are about every stage: they stay in a stage's
  // feed, where a restore's card changes read without them as if out of nowhere.
  if (filter.stageId) where.OR = [{ stageId: filter.stageId }, { subjectKind: 'map' }];
  if (filter.cardId) Object.assign(where, { subjectKind: 'card', subjectId: filter.cardId });
  if (filter.cursor) {
    const [at, id] = parseCursor(filter.cursor);
    where.AND = [{ OR: [{ at: { lt: at } }, { at, id: { lt: id } }] }];
  }
  const rows = await prisma.boardActivity.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => toEntry(row, names)),
    nextCursor: rows.length > filter.limit && last ? `${last.at.toISOString()}|${last.id}` : null,
  };
}

function parseCursor(cursor: string): [Date, string] {
  const [at, id] = cursor.split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'cursor: use the nextCursor of the previous page.');
  }
  return [date, id];
}

type ActivityRow = Awaited<ReturnType<PrismaClient['boardActivity']['findMany']>>[number];

export function toEntry(row: ActivityRow, names: BoardNames): TActivityEntry {
  const author: EditAuthor = {
    kind: row.authorKind as EditAuthor['kind'],
    id: row.authorId,
    name: row.authorName,
  };
  const changes = row.changes as unknown as BoardChange[];
  return {
    id: row.id,
    author,
    subject: { kind: row.subjectKind as TActivityEntry['subject']['kind'], id: row.subjectId },
    stageId: row.stageId,
    changes: changes,
    sentence: describeActivity(
      author.kind === 'system' ? 'Journeyboard' : author.name,
      changes,
      names,
    ),
    firstAt: row.firstAt.toISOString(),
    at: row.at.toISOString(),
  };
}
