import type { PrismaClient } from '@journeyboard/db';
import {
  ZUpdateCommentThreadRequest,
  type TCommentThread,
  type TUpdateCommentThreadRequest,
  type TUser,
} from '@journeyboard/shared';
import { loadCommentThread } from './load-comment-thread.ts';

/** Resolves or reopens a thread; resolving again keeps the first resolver and time. */
export async function updateCommentThread(
  prisma: PrismaClient,
  threadId: string,
  by: TUser,
  request: TUpdateCommentThreadRequest,
): Promise<TCommentThread> {
  const input = ZUpdateCommentThreadRequest.parse(request);
  return prisma.$transaction(async (tx) => {
    if (input.resolved) {
      await tx.commentThread.updateMany({
        where: { id: threadId, resolvedAt: null },
        data: { resolvedAt: new Date(), resolvedById: by.id, resolvedByName: by.name },
      });
    } else {
      await tx.commentThread.updateMany({
        where: { id: threadId, resolvedAt: { not: null } },
        data: { resolvedAt: null, resolvedById: null, resolvedByName: null },
      });
    }
    return loadCommentThread(tx, threadId);
  });
}
