import type { PrismaClient } from '@journeyboard/db';
import { ZMarkMentionsReadRequest, type TMarkMentionsReadRequest } from '@journeyboard/shared';

/** Marks the user's mentions in these comments (or all of them) read. Only ever their own. */
export async function markMentionsRead(
  prisma: PrismaClient,
  userId: string,
  request: TMarkMentionsReadRequest,
): Promise<void> {
  const input = ZMarkMentionsReadRequest.parse(request);
  await prisma.commentMention.updateMany({
    where: {
      userId,
      readAt: null,
      ...(input.commentIds
        ? { commentId: { in: input.commentIds.map((id) => id.toLowerCase()) } }
        : {}),
    },
    data: { readAt: new Date() },
  });
}
