import type { TMember } from '@journeyboard/shared';
import { useMemo } from 'react';
import { useAccount } from '../auth/me.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { useMembers } from '../workspaces/workspace-queries.ts';
import type { CommentPermissions } from '../components/comments/comment-thread.tsx';

/**
 * What the signed-in person may do with comments on this map (the server
 * decides; this only hides controls that would fail), plus the members they
 * can @mention.
 */
export function useCommentPermissions(workspaceId: string | undefined): CommentPermissions {
  const userId = useAccount()?.user.id ?? null;
  const canWrite = useCan('comment.write');
  const canModerate = useCan('comment.moderate');
  // Without the list there is no @mention picker; comments still work.
  const memberList = useMembers(workspaceId, { enabled: canWrite }).data?.members;
  const members: readonly TMember[] = useMemo(() => memberList ?? [], [memberList]);
  return useMemo(
    () => ({ userId, canWrite, canModerate, members }),
    [userId, canWrite, canModerate, members],
  );
}
