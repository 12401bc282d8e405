import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { commentPath } from '../board/card-link.ts';
import { AppHeader } from '../components/common/app-header.tsx';
import { RelativeTime } from '../components/common/relative-time.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { useMarkMentionsRead, useMentions } from '../comments/comment-queries.ts';
import { FormProblem } from '../components/common/form-problem.tsx';

/**
 * `/mentions`: where people @mentioned you (the small inbox). Opening one
 * marks it read and opens the board at the comment (on its card, in its thread).
 */
export function MentionsPage() {
  useDocumentTitle('Mentions');
  const mentions = useMentions();
  const markRead = useMarkMentionsRead();
  const data = mentions.data;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (mentions.error ? errorMessage(mentions.error) : null);

  return (
    <div className="page">
      <AppHeader />
      <main className="page__main">
        <h1 className="page-intro__title">
          Mentions{data && data.unread > 0 ? ` (${data.unread} new)` : ''}
        </h1>
        <FormProblem>{error}</FormProblem>
        {data && data.unread > 0 ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void markRead().catch((e: unknown) => setError(errorMessage(e)))}
          >
            Mark all read
          </button>
        ) : null}
        {data && data.mentions.length === 0 ? <p>Nobody has mentioned you yet.</p> : null}
        <ul className="mentions-list">
          {data?.mentions.map((mention) => (
            <li key={mention.commentId} data-unread={mention.readAt ? undefined : 'true'}>
              <Link
                to={commentPath(mention.mapId, mention.anchor, mention.commentId)}
                onClick={() => void markRead([mention.commentId]).catch(() => undefined)}
              >
                <strong>{mention.authorName}</strong> in {mention.mapTitle}
              </Link>{' '}
              <RelativeTime iso={mention.createdAt} />
              {mention.readAt ? null : <span className="persona-card__badge">new</span>}
              <p className="comment__text">{mention.excerpt}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
