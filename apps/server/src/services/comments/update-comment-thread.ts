import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import {
  type ZUpdateCommentThreadRequest,
  type TCommentThread,
  type TUser,
} from '@journeyboard/shared';
import { loadCommentThread } from './load-comment-thread.ts';

/** Resolves or reopens a thread; resolving again keeps the first resolver and time. */
export async function updateCommentThread(
  prisma: PrismaClient,
  threadId: string,
  by: TUser,
  input: z.output<typeof ZUpdateCommentThreadRequest>,
): Promise<TCommentThread> {
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
