import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

export interface CommentRef {
  readonly id: string;
  readonly threadId: string;
  readonly mapId: string;
  readonly authorId: string | null;
}

/** A comment's thread, map and author (to authorise); unknown ids are COMMENT_NOT_FOUND. */
export async function findComment(prisma: PrismaClient, commentId: string): Promise<CommentRef> {
  const comment = await prisma.comment.findUnique({
    where: { id: commentId },
    select: { id: true, threadId: true, authorId: true, thread: { select: { mapId: true } } },
  });
  if (!comment) throw new AppError('COMMENT_NOT_FOUND');
  return {
    id: comment.id,
    threadId: comment.threadId,
    mapId: comment.thread.mapId,
    authorId: comment.authorId,
  };
}
