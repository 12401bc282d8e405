import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { commentsApi } from '../../comments/comments-api.ts';

/** "Mentions" with the number of unread ones, for the account bar. */
export function MentionsLink() {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let cancelled = false;
    commentsApi.mentions().then(
      (result) => {
        if (!cancelled) setUnread(result.unread);
      },
      () => undefined, // the link still works; the page shows the error
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <Link className="button button--ghost" to="/mentions">
      Mentions{unread > 0 ? ` (${unread})` : ''}
    </Link>
  );
}
