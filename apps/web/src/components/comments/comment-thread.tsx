import type { TComment, TCommentThread, TMember } from '@journeyboard/shared';
import { memo, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCard, useStage } from '../../board/use-board.ts';
import { useCommentActions } from '../../comments/comment-queries.ts';
import { RelativeTime } from '../common/relative-time.tsx';
import { commentDraftKey, commentDrafts } from '../../state/comment-drafts.ts';
import { CommentComposer } from './comment-composer.tsx';
import { useRevealLinkedComment } from './comment-deep-link.tsx';
import { CommentText } from './comment-text.tsx';
import { FormProblem } from '../common/form-problem.tsx';

export interface CommentPermissions {
  /** The signed-in account (null for link holders). */
  readonly userId: string | null;
  readonly canWrite: boolean;
  /** Owners may delete anyone's comment. */
  readonly canModerate: boolean;
  readonly members: readonly TMember[];
  /** Why someone who reads the comments can't write one, said where the composer would be. */
  readonly readOnlyNote?: string;
}

/** What the thread is on. The server keeps only the id; the board knows whether it still exists. */
function AnchorLabel({ thread }: { thread: TCommentThread }) {
  const { anchor } = thread;
  const card = useCard(anchor.kind === 'card' ? anchor.id : '');
  const stage = useStage(anchor.kind === 'stage' ? anchor.id : '');
  if (anchor.kind === 'map')
    return <span className="comment-thread__anchor">On the whole map</span>;
  if (anchor.kind === 'card') {
    return card ? (
      <span className="comment-thread__anchor">On card “{card.text || 'Empty card'}”</span>
    ) : (
      <span
        className="comment-thread__anchor comment-thread__anchor--gone"
        data-testid="anchor-deleted"
      >
        On a deleted card
      </span>
    );
  }
  return stage ? (
    <span className="comment-thread__anchor">On stage “{stage.title}”</span>
  ) : (
    <span
      className="comment-thread__anchor comment-thread__anchor--gone"
      data-testid="anchor-deleted"
    >
      On a deleted stage
    </span>
  );
}

export const CommentThreadView = memo(function CommentThreadView({
  thread,
  permissions,
}: {
  thread: TCommentThread;
  permissions: CommentPermissions;
}) {
  const actions = useCommentActions();
  const [error, setError] = useState<string | null>(null);
  // A reply left unsent (the panel closed, another thread opened) is open again, with its text.
  const [replying, setReplying] = useState(() =>
    commentDrafts.has(commentDraftKey.reply(thread.id)),
  );
  const run = async (task: () => Promise<void>) => {
    setError(null);
    try {
      await task();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <article
      className={`comment-thread${thread.resolved ? ' comment-thread--resolved' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved ? 'true' : 'false'}
      aria-label={`Thread: ${thread.comments[0]?.body.slice(0, 60) ?? ''}`}
    >
      <header className="comment-thread__header">
        <AnchorLabel thread={thread} />
        {thread.resolved ? (
          <span className="comment-thread__status">
            Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
          </span>
        ) : null}
      </header>
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} permissions={permissions} />
        ))}
      </ol>
      <FormProblem>{error}</FormProblem>
      {permissions.canWrite ? (
        <div className="comment-thread__actions">
          {replying ? (
            <CommentComposer
              label="Reply"
              // A reply reopens a resolved thread (create-comment.ts): the button says so.
              submitLabel={thread.resolved ? 'Reply and reopen' : 'Reply'}
              draftKey={commentDraftKey.reply(thread.id)}
              members={permissions.members}
              // Reply was just pressed: the cursor goes in, to type at once.
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={async (body, mentions) => {
                await actions.reply({ threadId: thread.id, body, mentions });
                setReplying(false);
              }}
            />
          ) : (
            <>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => setReplying(true)}
              >
                Reply
              </button>
              <button
                type="button"
                className="button button--ghost"
                onClick={() =>
                  void run(async () =>
                    actions
                      .setResolved({ threadId: thread.id, resolved: !thread.resolved })
                      .then(() => undefined),
                  )
                }
              >
                {thread.resolved ? 'Reopen' : 'Resolve'}
              </button>
            </>
          )}
        </div>
      ) : null}
    </article>
  );
});

function CommentItem({
  comment,
  permissions,
}: {
  comment: TComment;
  permissions: CommentPermissions;
}) {
  const actions = useCommentActions();
  // An edit left unsaved is open again, with its text.
  const [editing, setEditing] = useState(() => commentDrafts.has(commentDraftKey.edit(comment.id)));
  const [error, setError] = useState<string | null>(null);
  const mine = permissions.userId !== null && comment.authorId === permissions.userId;
  const canDelete = permissions.canWrite && (mine || permissions.canModerate);
  const [element, setElement] = useState<HTMLLIElement | null>(null);
  const linked = useRevealLinkedComment(comment.id, element);

  return (
    <li
      ref={setElement}
      className={`comment${linked ? ' comment--linked' : ''}`}
      data-testid="comment"
      data-comment-id={comment.id}
      // A link to it puts the focus here.
      tabIndex={linked ? -1 : undefined}
      aria-current={linked ? 'true' : undefined}
    >
      <div className="comment__meta">
        <strong className="comment__author">{comment.authorName}</strong>
        <RelativeTime iso={comment.createdAt} />
        {comment.editedAt ? <span className="comment__edited">(edited)</span> : null}
      </div>
      {editing ? (
        <CommentComposer
          label="Edit comment"
          submitLabel="Save"
          draftKey={commentDraftKey.edit(comment.id)}
          members={permissions.members}
          initialText={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body, mentions) => {
            const kept = comment.mentions
              .filter((m) => body.includes(`@${m.name}`))
              .map((m) => m.id);
            await actions.edit({
              commentId: comment.id,
              body,
              mentions: [...new Set([...kept, ...mentions])],
            });
            setEditing(false);
          }}
        />
      ) : (
        <CommentText text={comment.body} />
      )}
      <FormProblem>{error}</FormProblem>
      {!editing && (mine || canDelete) && permissions.canWrite ? (
        <div className="comment__tools">
          {mine ? (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          {canDelete ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                if (!window.confirm('Delete this comment?')) return;
                actions
                  .remove(comment.id)
                  .catch((caught: unknown) => setError(errorMessage(caught)));
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
