import type { Prisma } from '@journeyboard/db';
import { COMMENT_MENTIONS_MAX, mentionedInText } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';

/**
 * Who a comment mentions: the ids a client picked, each checked to be a
 * member of the map's workspace, plus everyone whose "@Full Name" is typed in
 * the text (`mentionedInText`: longest name wins, shared names reach nobody).
 * Resolving typed names here means every client — and a comment typed
 * without the picker — mentions the same people. Only workspace members can
 * be mentioned: a mention puts the comment in that person's inbox, so it must
 * never reach someone who can't see the map.
 */
export async function resolveMentions(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  body: string,
  pickedIds: readonly string[],
): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true } } },
  });
  const memberIds = new Set(members.map((m) => m.user.id));
  if (pickedIds.some((id) => !memberIds.has(id))) throw new AppError('MENTION_NOT_MEMBER');
  const typed = mentionedInText(
    body,
    members.map((m) => m.user),
  );
  const all = [...new Set([...pickedIds, ...typed])];
  if (all.length > COMMENT_MENTIONS_MAX) throw new AppError('TOO_MANY_MENTIONS');
  return all;
}
