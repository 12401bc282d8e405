import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/** Which map a thread is on (to authorise against it); unknown ids are THREAD_NOT_FOUND. */
export async function findThreadMap(prisma: PrismaClient, threadId: string): Promise<string> {
  const thread = await prisma.commentThread.findUnique({
    where: { id: threadId },
    select: { mapId: true },
  });
  if (!thread) throw new AppError('THREAD_NOT_FOUND');
  return thread.mapId;
}
