import type { TMember } from '@journeyboard/shared';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import { useAuthStore } from '../auth/auth-store.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import type { CommentPermissions } from '../components/comments/comment-thread.tsx';

/**
 * What the signed-in person may do with comments on this map (the server
 * decides; this only hides controls that would fail), plus the members they
 * can @mention.
 */
export function useCommentPermissions(workspaceId: string | undefined): CommentPermissions {
  const auth = useAuthStore((store) => store.state);
  const userId = auth.status === 'signed-in' && auth.me.kind === 'user' ? auth.me.user.id : null;
  const canWrite = useCan('comment.write');
  const canModerate = useCan('comment.moderate');
  const [members, setMembers] = useState<readonly TMember[]>([]);
  useEffect(() => {
    if (!canWrite || !workspaceId) return;
    let cancelled = false;
    api.listMembers(workspaceId).then(
      (result) => {
        if (!cancelled) setMembers(result.members);
      },
      () => undefined, // no picker then; comments still work
    );
    return () => {
      cancelled = true;
    };
  }, [canWrite, workspaceId]);
  return useMemo(
    () => ({ userId, canWrite, canModerate, members }),
    [userId, canWrite, canModerate, members],
  );
}
