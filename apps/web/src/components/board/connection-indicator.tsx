import { CONNECTION_LABELS } from '../../board/connection.ts';
import { useConnection } from '../../board/use-board.ts';

/** "Connecting…", "Live" or "Offline — changes saved on this device", announced politely when it changes. */
export function ConnectionIndicator() {
  const { status } = useConnection();
  return (
    <span
      className={`connection connection--${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
    >
      <span className="connection__dot" aria-hidden="true" />
      {CONNECTION_LABELS[status]}
    </span>
  );
}
