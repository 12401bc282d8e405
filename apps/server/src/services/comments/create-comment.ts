import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZCreateCommentRequest, type TCommentThread, type TUser } from '@journeyboard/shared';
import { resolveMentions } from './resolve-mentions.ts';
import { loadCommentThread } from './load-comment-thread.ts';

/**
 * A reply: appends a comment to the thread and bumps the thread's activity
 * time. A reply to a resolved thread reopens it — whoever writes in it has
 * more to say — so it is in everyone's open list again: kept resolved, it
 * was seen by nobody (someone replying as another resolved it, say).
 */
export async function createComment(
  prisma: PrismaClient,
  thread: { id: string; workspaceId: string },
  author: TUser,
  input: z.output<typeof ZCreateCommentRequest>,
): Promise<TCommentThread> {
  return prisma.$transaction(async (tx) => {
    const mentions = await resolveMentions(tx, thread.workspaceId, input.body, input.mentions);
    await tx.comment.create({
      data: {
        threadId: thread.id,
        authorId: author.id,
        authorName: author.name,
        body: input.body,
        mentions: { create: mentions.map((userId) => ({ userId })) },
      },
    });
    await tx.commentThread.update({
      where: { id: thread.id },
      data: { updatedAt: new Date(), resolvedAt: null, resolvedById: null, resolvedByName: null },
    });
    return loadCommentThread(tx, thread.id);
  });
}
