import type { Prisma } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/**
 * The mentioned user ids, deduplicated, after checking each is a member of
 * the workspace: a mention puts the comment in that person's inbox, so it
 * must never reach someone who can't see the map.
 */
export async function checkMentions(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const members = await tx.membership.count({ where: { workspaceId, userId: { in: unique } } });
  if (members !== unique.length) throw new AppError('MENTION_NOT_MEMBER');
  return unique;
}
