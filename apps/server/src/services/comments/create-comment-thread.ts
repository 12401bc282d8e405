import type { JourneyMap, PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import {
  type ZCreateCommentThreadRequest,
  type TCommentThread,
  type TUser,
} from '@journeyboard/shared';
import { resolveMentions } from './resolve-mentions.ts';
import { THREAD_INCLUDE, toCommentThread } from './to-comment-thread.ts';

/** Starts a thread on a card, a stage or the whole map with its first comment. */
export async function createCommentThread(
  prisma: PrismaClient,
  map: Pick<JourneyMap, 'id' | 'workspaceId'>,
  author: TUser,
  input: z.output<typeof ZCreateCommentThreadRequest>,
): Promise<TCommentThread> {
  const row = await prisma.$transaction(async (tx) => {
    const mentions = await resolveMentions(tx, map.workspaceId, input.body, input.mentions);
    return tx.commentThread.create({
      data: {
        mapId: map.id,
        anchorKind: input.anchor.kind,
        anchorId: input.anchor.kind === 'map' ? null : input.anchor.id,
        comments: {
          create: {
            authorId: author.id,
            authorName: author.name,
            body: input.body,
            mentions: { create: mentions.map((userId) => ({ userId })) },
          },
        },
      },
      include: THREAD_INCLUDE,
    });
  });
  return toCommentThread(row);
}
