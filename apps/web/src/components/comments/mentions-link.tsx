import { Link } from 'react-router';
import { useMentions } from '../../comments/comment-queries.ts';

/** "Mentions" with the number of unread ones, for the account bar. */
export function MentionsLink() {
  // On an error the link still works; the page shows the error.
  const unread = useMentions().data?.unread ?? 0;
  return (
    <Link className="button button--ghost" to="/mentions">
      Mentions{unread > 0 ? ` (${unread})` : ''}
    </Link>
  );
}
