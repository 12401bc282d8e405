import type { PrismaClient } from '@journeyboard/db';
import type { TCommentThread } from '@journeyboard/shared';
import { THREAD_INCLUDE, toCommentThread } from './to-comment-thread.ts';

/** The map's threads, newest activity first; `status` filters open/resolved. */
export async function listCommentThreads(
  prisma: PrismaClient,
  mapId: string,
  status: 'open' | 'resolved' | 'all',
): Promise<TCommentThread[]> {
  const resolvedAt = status === 'open' ? null : status === 'resolved' ? { not: null } : undefined;
  const rows = await prisma.commentThread.findMany({
    where: { mapId, ...(resolvedAt !== undefined ? { resolvedAt } : {}) },
    include: THREAD_INCLUDE,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(toCommentThread);
}
