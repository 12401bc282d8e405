import type { Prisma } from '@journeyboard/db';
import type { TCommentThread } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { THREAD_INCLUDE, toCommentThread } from './to-comment-thread.ts';

/** The thread as it is now (after a change, for the answer and the live event). */
export async function loadCommentThread(
  prisma: Prisma.TransactionClient,
  threadId: string,
): Promise<TCommentThread> {
  const row = await prisma.commentThread.findUnique({
    where: { id: threadId },
    include: THREAD_INCLUDE,
  });
  if (!row) throw new AppError('THREAD_NOT_FOUND');
  return toCommentThread(row);
}
