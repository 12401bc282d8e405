import type { PrismaClient } from '@journeyboard/db';
import type { TCommentThread } from '@journeyboard/shared';
import { loadCommentThread } from './load-comment-thread.ts';

/**
 * Deletes one comment. The thread stays while it has comments (replies keep
 * their context); deleting its last comment deletes the thread.
 */
export async function deleteComment(
  prisma: PrismaClient,
  comment: { id: string; threadId: string },
): Promise<{ kind: 'thread'; thread: TCommentThread } | { kind: 'thread-deleted' }> {
  return prisma.$transaction(async (tx) => {
    // Row lock: two people deleting the last two comments at once must not both leave it.
    await tx.$queryRaw`SELECT id FROM comment_threads WHERE id = ${comment.threadId}::uuid FOR UPDATE`;
    await tx.comment.deleteMany({ where: { id: comment.id } });
    const left = await tx.comment.count({ where: { threadId: comment.threadId } });
    if (left === 0) {
      await tx.commentThread.deleteMany({ where: { id: comment.threadId } });
      return { kind: 'thread-deleted' as const };
    }
    await tx.commentThread.update({
      where: { id: comment.threadId },
      data: { updatedAt: new Date() },
    });
    return { kind: 'thread' as const, thread: await loadCommentThread(tx, comment.threadId) };
  });
}
