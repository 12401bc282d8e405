import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZMarkMentionsReadRequest } from '@journeyboard/shared';

/** Marks the user's mentions in these comments (or all of them) read. Only ever their own. */
export async function markMentionsRead(
  prisma: PrismaClient,
  userId: string,
  input: z.output<typeof ZMarkMentionsReadRequest>,
): Promise<void> {
  await prisma.commentMention.updateMany({
    where: {
      userId,
      readAt: null,
      ...(input.commentIds ? { commentId: { in: input.commentIds } } : {}),
    },
    data: { readAt: new Date() },
  });
}
