import { NavLink } from 'react-router';
import { useMentions } from '../../comments/comment-queries.ts';

/** "Mentions" with the number of unread ones, for the app's navigation. */
export function MentionsLink({
  className,
}: {
  className: (state: { isActive: boolean }) => string;
}) {
  // On an error the link still works; the page shows the error.
  const unread = useMentions().data?.unread ?? 0;
  return (
    <NavLink className={className} to="/mentions">
      Mentions{unread > 0 ? ` (${unread})` : ''}
    </NavLink>
  );
}
