import type { Prisma } from '@journeyboard/db';
import type { TCommentAnchor, TCommentThread } from '@journeyboard/shared';

/** What every thread query loads, so each answer and live event has the same shape. */
export const THREAD_INCLUDE = {
  comments: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { mentions: { include: { user: { select: { id: true, name: true } } } } },
  },
} as const satisfies Prisma.CommentThreadInclude;

export type ThreadRow = Prisma.CommentThreadGetPayload<{ include: typeof THREAD_INCLUDE }>;

/** A thread row's anchor columns as the API's anchor (the mentions inbox uses it too). */
export function toCommentAnchor(row: Pick<ThreadRow, 'anchorKind' | 'anchorId'>): TCommentAnchor {
  return row.anchorKind === 'map' || row.anchorId === null
    ? { kind: 'map' }
    : { kind: row.anchorKind, id: row.anchorId };
}

export const toCommentThread = (row: ThreadRow): TCommentThread => ({
  id: row.id,
  mapId: row.mapId,
  anchor: toCommentAnchor(row),
  resolved: row.resolvedAt !== null,
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  resolvedBy:
    row.resolvedAt && row.resolvedById
      ? { id: row.resolvedById, name: row.resolvedByName ?? 'Someone' }
      : null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  comments: row.comments.map((comment) => ({
    id: comment.id,
    threadId: comment.threadId,
    authorId: comment.authorId,
    authorName: comment.authorName,
    body: comment.body,
    mentions: comment.mentions.map((mention) => mention.user),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
  })),
});
