import { CloseCode, CloseReason } from '@journeyboard/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { refreshMe } from '../../auth/me.ts';
import { connectionLabel, type ConnectionState } from '../../board/connection.ts';
import { useConnection } from '../../board/use-board.ts';

const SESSION_ENDED: readonly string[] = [CloseReason.signedOut, CloseReason.sessionExpired];
const signedOut = ({ status, closedWith }: ConnectionState) =>
  status === 'closed' &&
  closedWith?.code === CloseCode.accessRevoked &&
  SESSION_ENDED.includes(closedWith.reason);

/**
 * "View only" badge and the connection's state (connectionLabel), for the
 * read-only pages; signed out under an open board, a way to sign in and come
 * back to it.
 */
export function ViewOnlyBadge() {
  const connection = useConnection();
  return (
    <span className="view-only-badge" data-testid="view-only-badge">
      View only
      <span className="muted" data-testid="connection-status" data-status={connection.status}>
        {/* Nothing of a viewer's waits to be saved: offline is all there is to say. */}
        {` · ${connection.status === 'offline' ? 'Offline' : connectionLabel(connection)}`}
      </span>
      {signedOut(connection) ? <SignInAgain /> : null}
    </span>
  );
}

function SignInAgain() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  // Who is signed in is asked again on the way (the sign-in page must not show the old
  // session's name); not awaited, as this badge may be gone by its answer.
  const signIn = () => {
    void refreshMe(queryClient).catch(() => undefined);
    void navigate(`/signin?next=${encodeURIComponent(pathname + search)}`);
  };
  return (
    <button type="button" className="view-only-badge__action" onClick={signIn}>
      Sign in
    </button>
  );
}
