import type { TCommentAnchor, TCommentThread } from '@journeyboard/shared';
import { useMemo } from 'react';
import { useCard, useStage } from '../../board/use-board.ts';
import { useCommentActions, useThreads } from '../../comments/comment-queries.ts';
import { useCommentStore, type ThreadFilter } from '../../comments/comment-store.ts';
import { useResolvedWhileShown } from '../../comments/resolved-while-shown.ts';
import { HeaderLabel } from '../common/header-label.tsx';
import { CloseIcon, CommentsIcon } from '../common/icons.tsx';
import { SidePanel } from '../common/side-panel.tsx';
import { commentDraftKey } from '../../state/comment-drafts.ts';
import { CommentComposer } from './comment-composer.tsx';
import { CommentThreadView, type CommentPermissions } from './comment-thread.tsx';
import './comments.css';

const FILTERS: { value: ThreadFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/**
 * Threads are listed by their latest comment, newest first — not by `updatedAt`, which a
 * resolve or reopen also moves: a thread someone resolved jumped to the top of the list.
 */
const lastCommentAt = (thread: TCommentThread): string =>
  thread.comments.at(-1)?.createdAt ?? thread.createdAt;

const sameAnchor = (a: TCommentAnchor, b: TCommentAnchor) =>
  a.kind === b.kind && (a.kind === 'map' || (b.kind !== 'map' && a.id === b.id));

/**
 * Whether the card or stage the panel is open on has been deleted (by anyone,
 * here or elsewhere) — and so whether a new comment can still go on it.
 */
function useAnchorGone(anchor: TCommentAnchor | null): boolean {
  const card = useCard(anchor?.kind === 'card' ? anchor.id : '');
  const stage = useStage(anchor?.kind === 'stage' ? anchor.id : '');
  if (!anchor || anchor.kind === 'map') return false;
  return anchor.kind === 'card' ? !card : !stage;
}

/** The board's side panel: threads (open / resolved / all), new thread, replies. */
export function CommentPanel({
  mapId,
  permissions,
}: {
  mapId: string;
  permissions: CommentPermissions;
}) {
  const threads = useThreads().data;
  const filter = useCommentStore((state) => state.filter);
  const focus = useCommentStore((state) => state.focus);
  const setFilter = useCommentStore((state) => state.setFilter);
  const closePanel = useCommentStore((state) => state.closePanel);
  const openPanel = useCommentStore((state) => state.openPanel);
  const actions = useCommentActions();
  const resolvedWhileShown = useResolvedWhileShown(threads, filter, permissions.userId);

  const shown = useMemo(
    () =>
      (threads ?? [])
        .filter(
          (t) =>
            filter === 'all' ||
            (filter === 'resolved') === t.resolved ||
            resolvedWhileShown.has(t.id),
        )
        .filter((t) => !focus || sameAnchor(t.anchor, focus))
        .sort((a, b) => lastCommentAt(b).localeCompare(lastCommentAt(a))),
    [threads, filter, focus, resolvedWhileShown],
  );
  // A card or stage deleted while someone writes on it: the comment goes on the
  // map instead, and the box (keyed by the focus) keeps what they typed. Put
  // back (undo, "Put it back"), it goes on the card again.
  const anchorGone = useAnchorGone(focus);
  const target: TCommentAnchor = focus && !anchorGone ? focus : { kind: 'map' };
  // One box (and one kept draft) per place: the whole map, or one card or stage.
  const composerAnchor = focus ? `${focus.kind}:${focus.kind === 'map' ? '' : focus.id}` : 'map';

  return (
    <SidePanel
      side="right"
      name="comments"
      label="Comments"
      className="comment-panel"
      testId="comment-panel"
      onClose={closePanel}
    >
      <header className="comment-panel__header">
        <h2 className="comment-panel__title">Comments</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close comments"
          onClick={closePanel}
        >
          <CloseIcon />
        </button>
      </header>
      <div className="comment-panel__filters" role="group" aria-label="Show threads">
        {FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            className="button button--ghost"
            aria-pressed={filter === option.value}
            onClick={() => setFilter(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {focus ? (
        <p className="comment-panel__focus">
          {/* Not a bare "This card" over a card that is gone (the note below says what then). */}
          {focus.kind === 'map'
            ? 'The whole map'
            : `This ${focus.kind}${anchorGone ? ' (deleted)' : ''}`}{' '}
          ·{' '}
          <button type="button" className="link-button" onClick={() => openPanel(null)}>
            Show all threads
          </button>
        </p>
      ) : null}
      {permissions.canWrite && anchorGone ? (
        <p className="comment-panel__gone" role="status">
          This {focus?.kind} was deleted while you were writing: a new comment goes on the whole
          map.
        </p>
      ) : null}
      {permissions.canWrite ? (
        <CommentComposer
          key={composerAnchor}
          draftKey={commentDraftKey.newThread(mapId, composerAnchor)}
          label={
            target.kind === 'map' ? 'New comment on the map' : `New comment on this ${target.kind}`
          }
          submitLabel="Comment"
          members={permissions.members}
          // Opened for a card, stage or the map from its comment button: to write.
          autoFocus={focus !== null}
          onSubmit={async (body, mentions) => {
            await actions.start({ mapId, anchor: target, body, mentions });
            // Its card gone, the thread went on the map: show it there.
            if (anchorGone) openPanel(target);
          }}
        />
      ) : permissions.readOnlyNote ? (
        <p className="comment-panel__read-only">{permissions.readOnlyNote}</p>
      ) : null}
      <div className="comment-panel__threads">
        {shown.length === 0 ? (
          <p className="comment-panel__empty">
            {filter === 'resolved' ? 'No resolved threads.' : 'No open threads.'}
          </p>
        ) : (
          shown.map((thread) => (
            <CommentThreadView key={thread.id} thread={thread} permissions={permissions} />
          ))
        )}
      </div>
    </SidePanel>
  );
}

/** The header's "Comments" toggle with the number of open threads. */
export function CommentsToggle() {
  const open =
    useThreads((threads) => threads.reduce((n, t) => n + (t.resolved ? 0 : 1), 0)).data ?? 0;
  const panelOpen = useCommentStore((state) => state.panelOpen);
  const openPanel = useCommentStore((state) => state.openPanel);
  const closePanel = useCommentStore((state) => state.closePanel);
  return (
    <button
      type="button"
      className="button button--ghost"
      title="Comments"
      aria-pressed={panelOpen}
      onClick={() => (panelOpen ? closePanel() : openPanel(null))}
    >
      <CommentsIcon />
      <HeaderLabel count={open}>Comments</HeaderLabel>
    </button>
  );
}
