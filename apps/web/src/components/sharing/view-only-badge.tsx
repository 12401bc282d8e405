import { connectionLabel } from '../../board/connection.ts';
import { useConnection } from '../../board/use-board.ts';

/** "View only" badge and the connection's state (connectionLabel), for the read-only pages. */
export function ViewOnlyBadge() {
  const connection = useConnection();
  return (
    <span className="view-only-badge" data-testid="view-only-badge">
      View only
      <span className="muted" data-testid="connection-status" data-status={connection.status}>
        {/* Nothing of a viewer's waits to be saved: offline is all there is to say. */}
        {` · ${connection.status === 'offline' ? 'Offline' : connectionLabel(connection)}`}
      </span>
    </span>
  );
}
