import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { refreshMe, useAuth } from '../../auth/me.ts';

/**
 * Pages for signed-in people. Asks who is signed in (the `me` query); anyone else goes
 * to the sign-in page and comes back afterwards. `allowGuests`: workshop
 * participants (no account) may see it too (the board page).
 */
export function RequireAccount({
  children,
  allowGuests = false,
}: {
  children: ReactNode;
  allowGuests?: boolean;
}) {
  const state = useAuth();
  const queryClient = useQueryClient();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <p className="board-waiting" role="status">
        Loading…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="notice notice--error" role="alert">
        <p>{state.message}</p>
        <button
          type="button"
          className="button"
          onClick={() => void refreshMe(queryClient).catch(() => undefined)}
        >
          Try again
        </button>
      </div>
    );
  }
  const guestHere = state.status === 'signed-in' && state.me.kind === 'guest';
  if (state.status === 'anonymous' || (guestHere && !allowGuests)) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return children;
}
