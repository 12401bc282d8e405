import { useEffect } from 'react';
import { useParams } from 'react-router';
import { BoardSessionContext, useConnection, type ConnectionStatus } from '../board/use-board.ts';
import { useLiveSession } from '../board/use-live-session.ts';
import { BoardHeader } from '../components/board/board-header.tsx';
import { BoardView } from '../components/board/board-view.tsx';
import { useUndoShortcuts } from '../components/board/use-undo-shortcuts.ts';
import { CloseIcon } from '../components/common/icons.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { MAP_NOT_FOUND_MESSAGE, useJourneyMap } from '../maps/use-journey-map.ts';
import { useUiStore } from '../state/ui-store.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** `/maps/:mapId`: one live board. Keyed by map id so switching maps starts afresh. */
export function BoardPage() {
  const { mapId = '' } = useParams();
  return <BoardScreen key={mapId} mapId={mapId} />;
}

function BoardScreen({ mapId }: { mapId: string }) {
  const journeyMap = useJourneyMap(mapId);
  const { state } = journeyMap;
  // The REST answer and the socket both can say "no such map"; either one stops the session.
  const session = useLiveSession(mapId, state.status !== 'not-found');
  useDocumentTitle(state.status === 'ready' ? state.map.title : 'Journey map');

  // UI state (card being edited…) belongs to this board only.
  useEffect(() => () => useUiStore.getState().reset(), []);

  if (state.status === 'not-found') {
    return <NotFoundPage title="Map not found" message={state.message} />;
  }
  if (!session) return <BoardSkeleton />;
  return (
    <BoardSessionContext value={session}>
      <LiveBoard journeyMap={journeyMap} />
    </BoardSessionContext>
  );
}

function LiveBoard({ journeyMap }: { journeyMap: ReturnType<typeof useJourneyMap> }) {
  const connection = useConnection();
  const { state, rename, renameError, dismissRenameError } = journeyMap;
  useUndoShortcuts();

  if (connection.status === 'not-found') {
    return <NotFoundPage title="Map not found" message={MAP_NOT_FOUND_MESSAGE} />;
  }
  const title =
    state.status === 'ready' ? state.map.title : state.status === 'error' ? 'Journey map' : null;
  const problem = renameError ?? (state.status === 'error' ? state.message : null);

  return (
    <div className="board-page">
      <BoardHeader title={title} onRename={(next) => void rename(next)} />
      {problem ? (
        <div className="banner banner--error" role="alert">
          <span>{problem}</span>
          {renameError ? (
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={dismissRenameError}
            >
              <CloseIcon />
            </button>
          ) : null}
        </div>
      ) : null}
      {connection.hasSynced ? <BoardView /> : <BoardWaiting status={connection.status} />}
    </div>
  );
}

/** Until the first sync the document is empty, so show a placeholder rather than an empty board. */
function BoardWaiting({ status }: { status: ConnectionStatus }) {
  const message =
    status === 'connecting'
      ? 'Loading board…'
      : status === 'closed'
        ? 'The server refused the connection. Reload the page to try again.'
        : 'Can’t reach the server yet. Still trying…';
  return (
    <div className="board-waiting" role="status">
      <div className="board-waiting__grid" aria-hidden="true">
        {Array.from({ length: 12 }, (_, index) => (
          <span key={index} className="skeleton" />
        ))}
      </div>
      <p className="board-waiting__text">{message}</p>
    </div>
  );
}

function BoardSkeleton() {
  return (
    <div className="board-page">
      <div className="board-waiting" role="status">
        <p className="board-waiting__text">Loading board…</p>
      </div>
    </div>
  );
}
