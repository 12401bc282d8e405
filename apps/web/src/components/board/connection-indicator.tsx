import { useEffect, useState } from 'react';
import { connectionLabel, connectionWords, type ConnectionState } from '../../board/connection.ts';
import { useConnection } from '../../board/use-board.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import './board-header.css';

/**
 * The board's connection, said honestly: "Live" only once the server has
 * answered a sync; "Offline — changes saved on this device" as soon as the
 * browser loses the network ("Offline" below full HD, the rest in its tooltip); "Reconnecting… next try in 3 s" while the
 * server can't be reached; and how many of this person's changes are still
 * waiting to go out; once the server has ended the connection for good, why
 * (closedLabel) and how many changes were not saved. The status is announced politely when it changes; the
 * countdown is not (it would be read out every second). `data-events` tells
 * tests and support whether the map's event stream (comments, workshop) is up.
 */
export function ConnectionIndicator() {
  const connection = useConnection();
  const events = useMapEventStore((state) => state.status);
  const { status } = connection;
  const waiting = pendingLabel(connection.pendingChanges, status === 'closed');
  const { words, more } = connectionWords(connection);
  return (
    <span
      className={`connection connection--${status}`}
      data-testid="connection-status"
      data-status={status}
      data-events={events}
      role="status"
      // Where the header shows only the dot (below full HD), the words on hover.
      title={connectionLabel(connection)}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">
        {words}
        {/* Below full HD only in the tooltip and for screen readers: the map's title needs
            the room more (board-header.css). */}
        {more ? <span className="connection__more"> — {more}</span> : null}
      </span>
      {status === 'reconnecting' && connection.nextAttemptAt !== null ? (
        <NextAttempt at={connection.nextAttemptAt} />
      ) : null}
      {waiting ? <span className="connection__pending"> · {waiting}</span> : null}
    </span>
  );
}

/** This person's unsent changes; `lost`: the server ended the connection, they will never go. */
export function pendingLabel(
  count: ConnectionState['pendingChanges'],
  lost = false,
): string | null {
  if (count <= 0) return null;
  const changes = count === 1 ? '1 change' : `${count} changes`;
  return `${changes} ${lost ? 'not saved' : 'waiting'}`;
}

/** "next try in 3 s", counting down once a second. */
function NextAttempt({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [at]);
  const seconds = Math.max(0, Math.ceil((at - now) / 1_000));
  return (
    <span className="connection__retry" aria-hidden="true">
      {seconds > 0 ? ` next try in ${seconds} s` : ' trying now'}
    </span>
  );
}
