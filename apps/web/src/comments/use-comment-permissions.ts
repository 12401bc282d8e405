import type { TMember } from '@journeyboard/shared';
import { useMemo } from 'react';
import { useAccount, useWorkshopGuest } from '../auth/me.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { useMembers } from '../workspaces/workspace-queries.ts';
import type { CommentPermissions } from '../components/comments/comment-thread.tsx';

/**
 * Why a reader can't write: a workshop guest has no account to author a
 * comment with (capabilities/table.ts); a member's role doesn't include it.
 */
const GUEST_NOTE = 'Workshop guests can read the comments; writing one needs an account.';
const MEMBER_NOTE =
  'You can read the comments. To write one, ask a workspace owner to make you a commenter.';

/**
 * What the signed-in person may do with comments on this map (the server
 * decides; this only hides controls that would fail), plus the members they
 * can @mention.
 */
export function useCommentPermissions(workspaceId: string | undefined): CommentPermissions {
  const userId = useAccount()?.user.id ?? null;
  const guest = useWorkshopGuest() !== null;
  const canWrite = useCan('comment.write');
  const canModerate = useCan('comment.moderate');
  // Without the list there is no @mention picker; comments still work.
  const memberList = useMembers(workspaceId, { enabled: canWrite }).data?.members;
  const members: readonly TMember[] = useMemo(() => memberList ?? [], [memberList]);
  return useMemo(
    () => ({
      userId,
      canWrite,
      canModerate,
      members,
      readOnlyNote: canWrite ? undefined : guest ? GUEST_NOTE : MEMBER_NOTE,
    }),
    [userId, canWrite, canModerate, members, guest],
  );
}
