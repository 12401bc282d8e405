import { useConnection } from '../../board/use-board.ts';

/** "View only" badge and the live/offline state, for the read-only pages. */
export function ViewOnlyBadge() {
  const connection = useConnection();
  return (
    <span className="view-only-badge" data-testid="view-only-badge">
      View only
      <span className="muted" data-testid="connection-status" data-status={connection.status}>
        {connection.status === 'live' ? ' · Live' : ' · Connecting…'}
      </span>
    </span>
  );
}
