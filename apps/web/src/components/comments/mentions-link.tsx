import { useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { commentsApi } from '../../comments/comments-api.ts';

/** "Mentions" with the number of unread ones, for the app's navigation. */
export function MentionsLink({
  className,
}: {
  className: (state: { isActive: boolean }) => string;
}) {
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
    <NavLink className={className} to="/mentions">
      Mentions{unread > 0 ? ` (${unread})` : ''}
    </NavLink>
  );
}
