import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { refreshMe, useAuth } from '../../auth/me.ts';
import { NotFoundPage } from '../../routes/not-found-page.tsx';

/**
 * Pages for signed-in people. Asks who is signed in (the `me` query); anyone else goes
 * to the sign-in page and comes back afterwards. `allowGuests`: workshop
 * participants (no account) may see it too (the board page), and one whose
 * link has ended is told so there. `keepOnceShown`:
 * a page already shown stays when the session ends under it (signed out in
 * another tab) — the board says why it became view-only and keeps what it
 * shows; going anywhere else then leads to sign in.
 */
export function RequireAccount({
  children,
  allowGuests = false,
  keepOnceShown = false,
}: {
  children: ReactNode;
  allowGuests?: boolean;
  keepOnceShown?: boolean;
}) {
  const state = useAuth();
  const queryClient = useQueryClient();
  const location = useLocation();
  // Whether this page was shown to someone signed in (state adjusted during render, as React
  // recommends for deriving from what changes: no extra render with the sign-in redirect).
  const [shown, setShown] = useState(false);
  if (state.status === 'signed-in' && !shown) setShown(true);
  if (keepOnceShown && shown && state.status === 'anonymous') return children;

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
  if (state.status === 'anonymous' && state.ended && allowGuests) {
    // A workshop guest coming back after the link was closed: an account won't help them.
    return <NotFoundPage title="Your workshop access has ended" message={state.ended} forLink />;
  }
  const guestHere = state.status === 'signed-in' && state.me.kind === 'guest';
  if (state.status === 'anonymous' || (guestHere && !allowGuests)) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return children;
}
