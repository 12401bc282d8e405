import { useCommentStore } from '../../comments/comment-store.ts';
import { CommentPanel, CommentsToggle } from './comment-panel.tsx';
import type { CommentPermissions } from './comment-thread.tsx';

const READ_ONLY: CommentPermissions = {
  userId: null,
  canWrite: false,
  canModerate: false,
  members: [],
  readOnlyNote: 'This link lets you read the comments, not write them.',
};

/**
 * A read-only link whose owner turned comments on: the live threads (kept
 * current by the page's map event stream), nothing to write with.
 */
export function SharedComments({ mapId }: { mapId: string }) {
  const open = useCommentStore((store) => store.panelOpen);
  return (
    <>
      <CommentsToggle />
      {/* A side panel: it takes its place beside the board (common/side-panel.tsx). */}
      {open ? <CommentPanel mapId={mapId} permissions={READ_ONLY} /> : null}
    </>
  );
}
