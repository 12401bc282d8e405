import { MessageSquare } from 'lucide-react';
import { memo } from 'react';
import { useOpenThreadCount } from '../../comments/open-thread-counts.tsx';
import { useCommentStore } from '../../comments/comment-store.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useBoardMode } from '../board/board-mode.ts';

/**
 * The number of open threads on a card or stage; opens the comment panel on
 * them. Renders nothing when there are none (the panel starts new threads).
 */
export const CommentBadge = memo(function CommentBadge({
  kind,
  id,
}: {
  kind: 'card' | 'stage';
  id: string;
}) {
  const count = useOpenThreadCount(kind, id);
  const openPanel = useCommentStore((state) => state.openPanel);
  if (count === 0) return null;
  return (
    <button
      type="button"
      data-testid="comment-badge"
      {...badgeOf(count)}
      // The card drags on pointer-down; a click on the badge must not start a drag.
      onPointerDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.stopPropagation();
        openPanel({ kind, id });
      }}
    >
      <MessageSquare aria-hidden size={12} /> {count}
    </button>
  );
});

/** What the badge is, pressable or printed: its look, its count and what it says. */
const badgeOf = (count: number) => ({
  className: 'comment-badge',
  'data-count': count,
  'aria-label': `${count} open comment thread${count === 1 ? '' : 's'}`,
});

/** "Comment" in a card's or stage's tools: opens the panel ready to start a thread there. */
export function CommentButton({
  kind,
  id,
  label,
  describedBy,
}: {
  kind: 'card' | 'stage';
  id: string;
  label: string;
  /** The id of what says which card or stage this is, read after the name. */
  describedBy?: string;
}) {
  const openPanel = useCommentStore((state) => state.openPanel);
  return (
    <button
      type="button"
      className="icon-button comment-button"
      aria-label={label}
      aria-describedby={describedBy}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.stopPropagation();
        openPanel({ kind, id });
      }}
    >
      <MessageSquare aria-hidden size={14} />
    </button>
  );
}

/** A card's or stage's comment tools: which it is, and the name of its "Comment" button. */
interface CommentToolsProps {
  kind: 'card' | 'stage';
  id: string;
  label: string;
}

/**
 * Badge + "Comment" button for the read-only board (viewers, commenters,
 * share links). Hidden while comments are off for this viewer (e.g. a share
 * link without comments), so nothing there hints at them. Someone who may
 * read comments but not write them (a viewer, a link with comments on) gets
 * the badge where there are threads and nothing elsewhere: a "Comment"
 * button on every card led them to a box they could not write in.
 */
function ReadOnlyCommentTools({ kind, id, label }: CommentToolsProps) {
  const on = useCommentStore((state) => state.status !== 'off');
  const canWrite = useCan('comment.write');
  const threads = useOpenThreadCount(kind, id);
  if (!on || (!canWrite && threads === 0)) return null;
  return (
    <span className="read-only-comment-tools">
      <CommentBadge kind={kind} id={id} />
      {canWrite ? <CommentButton kind={kind} id={id} label={label} /> : null}
    </span>
  );
}

/**
 * What a card or stage outside the editor shows of its comments, by the board's mode
 * (board-mode.ts): the read-only tools for one person at a screen; on paper the open-thread
 * count alone, as the picture export and a board printed from the editor show it; nothing
 * for a room watching a presentation (a panel would open behind the slides).
 */
export function StaticCommentTools({ kind, id, label }: CommentToolsProps) {
  const mode = useBoardMode();
  if (mode === 'present') return null;
  if (mode === 'print') return <PrintedCommentCount kind={kind} id={id} />;
  return <ReadOnlyCommentTools kind={kind} id={id} label={label} />;
}

/** The open-thread count on paper: the badge's look, nothing to press. */
function PrintedCommentCount({ kind, id }: { kind: 'card' | 'stage'; id: string }) {
  const on = useCommentStore((state) => state.status !== 'off');
  const count = useOpenThreadCount(kind, id);
  if (!on || count === 0) return null;
  return (
    <span className="read-only-comment-tools">
      <span role="img" data-testid="comment-badge" {...badgeOf(count)}>
        <MessageSquare aria-hidden size={12} /> {count}
      </span>
    </span>
  );
}
