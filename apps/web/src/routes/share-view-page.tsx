import type { TOpenShareLinkResponse } from '@journeyboard/shared';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { BoardSessionContext, useConnection } from '../board/use-board.ts';
import { useLiveSession } from '../board/use-live-session.ts';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { SharedComments } from '../components/comments/shared-comments.tsx';
import { Presentation } from '../components/board/presentation.tsx';
import { ViewOnlyBadge } from '../components/sharing/view-only-badge.tsx';
import { BoardView } from '../components/board/board-view.tsx';
import { BoardHeader } from '../components/board/board-header.tsx';
import { SidePanelSlotsContext, useSidePanelSlots } from '../components/common/side-panel.tsx';
import { useCanvasScope } from '../state/canvas-scope.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { BoardCapabilities } from '../capabilities/board-capabilities.tsx';
import { useCan } from '../capabilities/capabilities.tsx';
import './board-page.css';

type LinkState =
  | { status: 'loading' }
  | { status: 'ready'; link: TOpenShareLinkResponse }
  | { status: 'gone'; title: string; message: string };

/**
 * `/s/<token>`: a read-only link for people without an account (leadership).
 * The token goes to the API in a request body and to the sync socket as a
 * subprotocol — never into another URL.
 */
export function ShareViewPage() {
  const { token = '' } = useParams();
  const [state, setState] = useState<LinkState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api.openShareLink(token).then(
      (link) => live && setState({ status: 'ready', link }),
      (error: unknown) => {
        if (!live) return;
        const expired = error instanceof ApiError && error.code === 'LINK_EXPIRED';
        setState({
          status: 'gone',
          title: expired ? 'This link has expired' : 'This link does not work',
          message: errorMessage(error),
        });
      },
    );
    return () => {
      live = false;
    };
  }, [token]);
  useDocumentTitle(state.status === 'ready' ? state.link.map.title : 'Shared journey map');

  if (state.status === 'gone') return <NotFoundPage title={state.title} message={state.message} />;
  if (state.status === 'loading') {
    return (
      <p className="board-waiting" role="status">
        Opening the map…
      </p>
    );
  }
  return <SharedBoard token={token} link={state.link} />;
}

function SharedBoard({ token, link }: { token: string; link: TOpenShareLinkResponse }) {
  const session = useLiveSession(link.map.id, true, { shareToken: token });
  if (!session) return null;
  return (
    <BoardSessionContext value={session}>
      <BoardCapabilities fromRest={link.map.capabilities}>
        <SharedBoardView title={link.map.title} mapId={link.map.id} shareToken={token} />
      </BoardCapabilities>
    </BoardSessionContext>
  );
}

/** Comments show only on links whose owner turned them on (`comment.read`). */
function SharedCommentsIfAllowed({ mapId, shareToken }: { mapId: string; shareToken: string }) {
  return useCan('comment.read') ? <SharedComments mapId={mapId} shareToken={shareToken} /> : null;
}

function SharedBoardView({
  title,
  mapId,
  shareToken,
}: {
  title: string;
  mapId: string;
  shareToken: string;
}) {
  const connection = useConnection();
  const [presenting, setPresenting] = useState(false);
  const { slots, left, right } = useSidePanelSlots();
  const storageScope = useCanvasScope(mapId);
  if (connection.status === 'not-found' || connection.status === 'closed') {
    return (
      <NotFoundPage
        title="This link no longer works"
        message="The link was revoked, has expired, or the map was deleted. Ask for a new link."
      />
    );
  }
  return (
    <SidePanelSlotsContext value={slots}>
      <div className="board-page board-page--read-only">
        <BoardHeader
          title={title}
          backLink={false}
          live={false}
          status={<ViewOnlyBadge />}
          actions={
            <>
              <SharedCommentsIfAllowed mapId={mapId} shareToken={shareToken} />
              <button
                type="button"
                className="button button--primary"
                onClick={() => setPresenting(true)}
              >
                Present
              </button>
            </>
          }
        />
        <div className="board-page__body">
          <div ref={left} className="side-slot side-slot--left" />
          <main className="board-page__main">
            {connection.hasSynced ? (
              <BoardView mode="read-only" storageScope={storageScope} />
            ) : (
              <p className="board-waiting">Loading board…</p>
            )}
          </main>
          <div ref={right} className="side-slot side-slot--right" />
        </div>
        {presenting ? <Presentation onExit={() => setPresenting(false)} /> : null}
      </div>
    </SidePanelSlotsContext>
  );
}
