import type { PrismaClient } from '@journeyboard/db';
import type { TListMentionsResponse } from '@journeyboard/shared';
import { toCommentAnchor } from './to-comment-thread.ts';

const EXCERPT = 200;
const LIMIT = 50;

/**
 * The user's latest mentions, on maps of workspaces they still belong to
 * (someone who left a workspace stops seeing what was said there).
 */
export async function listMentions(
  prisma: PrismaClient,
  userId: string,
): Promise<TListMentionsResponse> {
  const visible = {
    userId,
    comment: {
      thread: { map: { workspace: { members: { some: { userId } } } } },
    },
  };
  const [rows, unread] = await Promise.all([
    prisma.commentMention.findMany({
      where: visible,
      orderBy: { createdAt: 'desc' },
      take: LIMIT,
      include: {
        comment: {
          select: {
            id: true,
            threadId: true,
            authorName: true,
            body: true,
            thread: {
              select: {
                mapId: true,
                anchorKind: true,
                anchorId: true,
                map: { select: { title: true } },
              },
            },
          },
        },
      },
    }),
    prisma.commentMention.count({ where: { ...visible, readAt: null } }),
  ]);
  return {
    unread,
    mentions: rows.map((row) => ({
      commentId: row.comment.id,
      threadId: row.comment.threadId,
      mapId: row.comment.thread.mapId,
      mapTitle: row.comment.thread.map.title,
      anchor: toCommentAnchor(row.comment.thread),
      authorName: row.comment.authorName,
      excerpt:
        row.comment.body.length > EXCERPT
          ? `${row.comment.body.slice(0, EXCERPT - 1)}…`
          : row.comment.body,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}
