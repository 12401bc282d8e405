import { useCommentStore } from '../../comments/comment-store.ts';
import { useCommentStream } from '../../comments/use-comment-stream.ts';
import { CommentPanel, CommentsToggle } from './comment-panel.tsx';
import type { CommentPermissions } from './comment-thread.tsx';

const READ_ONLY: CommentPermissions = {
  userId: null,
  canWrite: false,
  canModerate: false,
  members: [],
};

/** A read-only link whose owner turned comments on: the live threads, nothing to write with. */
export function SharedComments({ mapId, shareToken }: { mapId: string; shareToken: string }) {
  useCommentStream(mapId, { shareToken });
  const open = useCommentStore((store) => store.panelOpen);
  return (
    <>
      <CommentsToggle />
      {/* A side panel: it takes its place beside the board (common/side-panel.tsx). */}
      {open ? <CommentPanel mapId={mapId} permissions={READ_ONLY} /> : null}
    </>
  );
}
