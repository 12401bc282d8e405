import type { TMapLifecycle, TOpenShareLinkResponse, TShareLinkView } from '@journeyboard/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { closedLabel, type ConnectionState } from '../board/connection.ts';
import { BoardSessionContext, useConnection } from '../board/use-board.ts';
import { useLiveSession } from '../board/use-live-session.ts';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { SharedComments } from '../components/comments/shared-comments.tsx';
import { Presentation } from '../components/board/presentation.tsx';
import { ViewOnlyBadge } from '../components/sharing/view-only-badge.tsx';
import { SharePasswordForm } from '../components/sharing/share-password-form.tsx';
import { BoardView } from '../components/board/board-view.tsx';
import { ExportMenu } from '../components/export/export-menu.tsx';
import { PrintHeading, PrintHeadingContext } from '../components/export/print-heading.tsx';
import { BoardHeader } from '../components/board/board-header.tsx';
import {
  BoardOrHistory,
  HistoryNotice,
  HistoryToggle,
  VersionsPanelSlot,
} from '../components/history/board-history.tsx';
import { SidePanelSlotsContext, useSidePanelSlots } from '../components/common/side-panel.tsx';
import { PersonaPanel } from '../components/personas/persona-panel.tsx';
import { useCanvasScope } from '../state/canvas-scope.ts';
import { useOpenShareLink } from '../sharing/sharing-queries.ts';
import { CardDeepLink } from '../components/board/card-deep-link.tsx';
import { RemoteChangeAnnouncer } from '../components/board/remote-change-announcer.tsx';
import { useMapEvents } from '../map-events/use-map-events.ts';
import { WorkshopTimer } from '../components/workshop/workshop-timer.tsx';
import { RatingBanner } from '../components/workshop/everyone-rates.tsx';
import { ResultsToggle, VotingBanner, VotingResults } from '../components/workshop/voting.tsx';
import { FacilitationBanner } from '../components/workshop/facilitation-controls.tsx';
import { BrainstormBanner } from '../components/workshop/brainstorm-controls.tsx';
import { useTimerChime } from '../workshop/use-timer.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { BoardCapabilities } from '../capabilities/board-capabilities.tsx';
import { useCan } from '../capabilities/capabilities.tsx';
import { BriefingScreen } from '../components/briefing/briefing-screen.tsx';
import { BriefingIcon } from '../components/common/icons.tsx';
import './board-page.css';

/**
 * `/s/<token>`: a read-only link for people without an account (leadership).
 * The token goes to the API in a request body and to the sync socket as a
 * subprotocol — never into another URL. A password-protected link shows its
 * password form first; the unlock is an httpOnly cookie the browser sends
 * beside the token on every request and the socket.
 */
export function ShareViewPage({ view }: { view?: TShareLinkView | undefined }) {
  const { token = '' } = useParams();
  const { data: link, error } = useOpenShareLink(token);
  useDocumentTitle(link ? link.map.title : 'Shared journey map');

  if (error instanceof ApiError && error.code === 'SHARE_LINK_PASSWORD_REQUIRED') {
    return <SharePasswordForm token={token} />;
  }
  if (error) {
    const expired = error instanceof ApiError && error.code === 'LINK_EXPIRED';
    return (
      <NotFoundPage
        title={expired ? 'This link has expired' : 'This link does not work'}
        message={
          expired
            ? errorMessage(error)
            : `${errorMessage(error)} Ask whoever shared it with you for a new one.`
        }
        forLink
      />
    );
  }
  if (!link) {
    return (
      <p className="board-waiting" role="status">
        Opening the map…
      </p>
    );
  }
  return <SharedBoard token={token} link={link} view={view ?? link.opensOn} />;
}

function SharedBoard({
  token,
  link,
  view,
}: {
  token: string;
  link: TOpenShareLinkResponse;
  view: TShareLinkView;
}) {
  const session = useLiveSession(link.map.id, true, { shareToken: token });
  const navigate = useNavigate();
  // The owner chose the page the link opens on; the other is one click away,
  // at an address of its own (Back returns, a leader can forward the briefing).
  // The live session stays open across the switch: it is the same page.
  const setView = (next: TShareLinkView) => void navigate(`/s/${token}/${next}`);
  if (!session) return null;
  return (
    <BoardSessionContext value={session}>
      <BoardCapabilities fromRest={link.map.capabilities}>
        <SharedMapEvents mapId={link.map.id} shareToken={token} />
        {view === 'briefing' ? (
          <SharedBriefing
            title={link.map.title}
            lifecycle={link.map.lifecycle}
            mapId={link.map.id}
            onOpenBoard={() => setView('board')}
          />
        ) : (
          <SharedBoardView
            title={link.map.title}
            description={link.map.description}
            mapId={link.map.id}
            onOpenBriefing={() => setView('briefing')}
          />
        )}
      </BoardCapabilities>
    </BoardSessionContext>
  );
}

function SharedBriefing({
  title,
  lifecycle,
  mapId,
  onOpenBoard,
}: {
  title: string;
  lifecycle: TMapLifecycle | undefined;
  mapId: string;
  onOpenBoard: () => void;
}) {
  const connection = useConnection();
  if (connection.status === 'not-found' || connection.status === 'closed') {
    return <LinkGone connection={connection} />;
  }
  return (
    <BriefingScreen
      mapId={mapId}
      title={title}
      lifecycle={lifecycle}
      links={
        <button type="button" className="button" onClick={onOpenBoard}>
          Open the board
        </button>
      }
    />
  );
}

/** The link's connection ended for good: why, when the server said (closedLabel). */
function LinkGone({ connection }: { connection: ConnectionState }) {
  return (
    <NotFoundPage
      title="This link no longer works"
      message={
        connection.status === 'closed' && connection.closedWith
          ? `${closedLabel(connection.closedWith)}.`
          : 'The link was revoked, has expired, or the map was deleted. Ask for a new link.'
      }
      forLink
    />
  );
}

/** The map's one event stream for this link: the timer, results, and comments if allowed. */
function SharedMapEvents({ mapId, shareToken }: { mapId: string; shareToken: string }) {
  const canReadComments = useCan('comment.read');
  useMapEvents(mapId, { shareToken, comments: canReadComments });
  useTimerChime();
  return null;
}

/** Comments show only on links whose owner turned them on (`comment.read`). */
function SharedCommentsIfAllowed({ mapId }: { mapId: string }) {
  return useCan('comment.read') ? <SharedComments mapId={mapId} /> : null;
}

function SharedBoardView({
  title,
  description,
  mapId,
  onOpenBriefing,
}: {
  title: string;
  description: string;
  mapId: string;
  onOpenBriefing: () => void;
}) {
  const connection = useConnection();
  const [presenting, setPresenting] = useState(false);
  const { slots, left, right } = useSidePanelSlots();
  const storageScope = useCanvasScope(mapId);
  if (connection.status === 'not-found' || connection.status === 'closed') {
    return <LinkGone connection={connection} />;
  }
  return (
    <SidePanelSlotsContext value={slots}>
      <div className="board-page board-page--read-only">
        <BoardHeader
          title={title}
          backLink={false}
          live={false}
          status={<ViewOnlyBadge />}
          workshop={
            <>
              <ResultsToggle />
              <WorkshopTimer mapId={mapId} />
            </>
          }
          actions={
            <>
              <SharedCommentsIfAllowed mapId={mapId} />
              <PersonaPanel mapId={mapId} workspaceId={undefined} />
              <HistoryToggle />
              {/* Labelled as "Present" is: a viewer came for one or the other. */}
              <button
                type="button"
                className="button"
                aria-label="Leadership briefing"
                title="Leadership briefing"
                onClick={onOpenBriefing}
              >
                <BriefingIcon />
                Briefing
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => setPresenting(true)}
              >
                Present
              </button>
              <ExportMenu mapId={mapId} title={title} description={description} />
            </>
          }
        />
        <VotingBanner mapId={mapId} />
        <RatingBanner />
        <BrainstormBanner mapId={mapId} />
        <FacilitationBanner />
        <VotingResults />
        <div className="board-page__body">
          <div ref={left} className="side-slot side-slot--left" />
          <main className="board-page__main">
            <HistoryNotice />
            <BoardOrHistory>
              <CardDeepLink />
              <RemoteChangeAnnouncer />
              <PrintHeading mapId={mapId} title={title} />
              {connection.hasSynced ? (
                <PrintHeadingContext value={<PrintHeading mapId={mapId} title={title} />}>
                  <BoardView mode="read-only" storageScope={storageScope} />
                </PrintHeadingContext>
              ) : (
                <p className="board-waiting">Loading board…</p>
              )}
            </BoardOrHistory>
          </main>
          <div ref={right} className="side-slot side-slot--right">
            <VersionsPanelSlot />
          </div>
        </div>
        {presenting ? (
          <Presentation
            onExit={() => setPresenting(false)}
            workshop={<WorkshopTimer mapId={mapId} />}
          />
        ) : null}
      </div>
    </SidePanelSlotsContext>
  );
}
