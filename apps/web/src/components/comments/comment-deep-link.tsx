import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { CARD_PARAM, COMMENT_PARAM } from '../../board/card-link.ts';
import { useThreads } from '../../comments/comment-queries.ts';
import { useCommentStore } from '../../comments/comment-store.ts';

/**
 * Opens a link to a comment (`?comment=<id>`, card-link.ts) once the threads
 * are loaded: the panel on the thread's anchor (a card's link leaves that to
 * CardDeepLink, which first brings the card into view) and, for a resolved
 * thread, the filter that shows it. The comment brings itself into view when
 * it is drawn (`useRevealLinkedComment`). Renders nothing.
 */
export function CommentDeepLink() {
  const [params] = useSearchParams();
  const commentId = params.get(COMMENT_PARAM);
  const viaCard = params.has(CARD_PARAM);
  const thread = useThreads().data?.find((t) => t.comments.some((c) => c.id === commentId));
  const linkedComment = useCommentStore((state) => state.linkedComment);
  const linkTo = useCommentStore((state) => state.linkTo);

  useEffect(() => {
    if (!thread || !commentId || linkedComment?.id === commentId) return;
    linkTo(commentId, { thread, openPanel: !viaCard });
  }, [thread, commentId, linkedComment, viaCard, linkTo]);

  return null;
}

/**
 * A linked comment scrolls itself into the panel's view and takes the focus,
 * once (reopening the panel later doesn't jump back to it).
 */
export function useRevealLinkedComment(commentId: string, element: HTMLElement | null): boolean {
  const linked = useCommentStore((state) => state.linkedComment);
  const markRevealed = useCommentStore((state) => state.markLinkedRevealed);
  const isLinked = linked?.id === commentId;
  useEffect(() => {
    if (!isLinked || linked.revealed || !element) return;
    element.scrollIntoView({ block: 'nearest' });
    element.focus({ preventScroll: true });
    markRevealed();
  }, [isLinked, linked, element, markRevealed]);
  return isLinked;
}
