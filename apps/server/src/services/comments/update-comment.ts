import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZUpdateCommentRequest, type TCommentThread } from '@journeyboard/shared';
import { resolveMentions } from './resolve-mentions.ts';
import { loadCommentThread } from './load-comment-thread.ts';

/**
 * Replaces a comment's text and mentions. Mentions that stay keep their read
 * state; new ones land unread in the inbox.
 */
export async function updateComment(
  prisma: PrismaClient,
  comment: { id: string; threadId: string; workspaceId: string },
  input: z.output<typeof ZUpdateCommentRequest>,
): Promise<TCommentThread> {
  return prisma.$transaction(async (tx) => {
    const mentions = await resolveMentions(tx, comment.workspaceId, input.body, input.mentions);
    await tx.commentMention.deleteMany({
      where: { commentId: comment.id, userId: { notIn: mentions } },
    });
    await tx.commentMention.createMany({
      data: mentions.map((userId) => ({ commentId: comment.id, userId })),
      skipDuplicates: true,
    });
    await tx.comment.update({
      where: { id: comment.id },
      data: { body: input.body, editedAt: new Date() },
    });
    await tx.commentThread.update({
      where: { id: comment.threadId },
      data: { updatedAt: new Date() },
    });
    return loadCommentThread(tx, comment.threadId);
  });
}
