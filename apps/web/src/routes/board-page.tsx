import { useEffect, useId, useState } from 'react';
import { useParams } from 'react-router';
import { useAuth, useHasMapList } from '../auth/me.ts';
import { BoardCapabilities } from '../capabilities/board-capabilities.tsx';
import { useCan } from '../capabilities/capabilities.tsx';
import {
  BoardSessionContext,
  useConnection,
  useServerCapabilities,
  type ConnectionStatus,
} from '../board/use-board.ts';
import { useLiveSession } from '../board/use-live-session.ts';
import { BoardHeader } from '../components/board/board-header.tsx';
import { BoardView } from '../components/board/board-view.tsx';
import { SkipToBoard } from '../components/board/skip-to-board.tsx';
import { ExportMenu } from '../components/export/export-menu.tsx';
import { PrintHeading, PrintHeadingContext } from '../components/export/print-heading.tsx';
import { ImportIntoMap } from '../components/export/import-into-map.tsx';
import { CardDeepLink } from '../components/board/card-deep-link.tsx';
import { CommentDeepLink } from '../components/comments/comment-deep-link.tsx';
import { RemoteChangeAnnouncer } from '../components/board/remote-change-announcer.tsx';
import { MergedTextNotice } from '../components/board/merged-text-notice.tsx';
import { OfflineEditsNotice } from '../components/board/offline-edits-notice.tsx';
import { DeletedWhileWritingNotice } from '../components/board/deleted-while-writing-notice.tsx';
import { InterruptedDraftKeeper } from '../components/board/interrupted-draft-keeper.tsx';
import { LockedWhileWritingNotice } from '../components/board/locked-while-writing-notice.tsx';
import { EditRightsNotice } from '../components/board/edit-rights-notice.tsx';
import { UnsavedChangesNotice } from '../components/board/unsaved-changes-notice.tsx';
import { UndoKeptNotice } from '../components/board/undo-kept-notice.tsx';
import { useUndoShortcuts } from '../components/board/use-undo-shortcuts.ts';
import { HeaderLabel } from '../components/common/header-label.tsx';
import { PresentIcon } from '../components/common/icons.tsx';
import { CommentPanel, CommentsToggle } from '../components/comments/comment-panel.tsx';
import { PersonaPanel } from '../components/personas/persona-panel.tsx';
import { ShareDialog } from '../components/sharing/share-dialog.tsx';
import { useCommentStore } from '../comments/comment-store.ts';
import { useCommentPermissions } from '../comments/use-comment-permissions.ts';
import { Presentation } from '../components/board/presentation.tsx';
import { GuestBadge } from '../components/sharing/guest-badge.tsx';
import { ViewOnlyBadge } from '../components/sharing/view-only-badge.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { MAP_NOT_FOUND_MESSAGE, useJourneyMap } from '../maps/use-journey-map.ts';
import { useUiStore } from '../state/ui-store.ts';
import { useCanvasScope } from '../state/canvas-scope.ts';
import { SidePanelSlotsContext, useSidePanelSlots } from '../components/common/side-panel.tsx';
import { useMapEvents } from '../map-events/use-map-events.ts';
import { WorkshopTimer } from '../components/workshop/workshop-timer.tsx';
import { RatingBanner } from '../components/workshop/everyone-rates.tsx';
import { RaisedHandsList } from '../components/workshop/hands.tsx';
import { VotingBanner, VotingResults } from '../components/workshop/voting.tsx';
import { WorkshopToggle, WorkshopTools } from '../components/workshop/workshop-tools.tsx';
import { useTimerChime } from '../workshop/use-timer.ts';
import {
  BoardOrHistory,
  HistoryNotice,
  HistoryToggle,
  VersionsPanelSlot,
} from '../components/history/board-history.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { forgetDeviceCopy } from '../offline/device-copies.ts';
import { LifecycleMenu } from '../components/lifecycle/lifecycle-menu.tsx';
import { BriefingLink } from '../components/briefing/briefing-link.tsx';
import { BriefingScreen } from '../components/briefing/briefing-screen.tsx';
import { Link } from 'react-router';
import './board-page.css';
import { LocksProvider, useLocks } from '../workshop/lock-context.tsx';
import { BannerStack } from '../components/workshop/banner-stack.tsx';
import { LockBanner, StructureLockBadge } from '../components/workshop/lock-controls.tsx';
import { FacilitationBanner } from '../components/workshop/facilitation-controls.tsx';
import { WorkshopProblemBanner } from '../components/workshop/workshop-problem-banner.tsx';
import { ErrorBanner } from '../components/common/error-banner.tsx';
import { BrainstormBanner } from '../components/workshop/brainstorm-controls.tsx';
import { PrivateCardsProvider } from '../workshop/private-card-source.tsx';

/**
 * `/maps/:mapId`: one live board; `/maps/:mapId/briefing`: its leadership
 * briefing, on the same live session. Keyed by map id so switching maps
 * starts afresh.
 */
export function BoardPage({ view = 'board' }: { view?: 'board' | 'briefing' }) {
  const { mapId = '' } = useParams();
  return <BoardScreen key={mapId} mapId={mapId} view={view} />;
}

function BoardScreen({ mapId, view }: { mapId: string; view: 'board' | 'briefing' }) {
  const journeyMap = useJourneyMap(mapId);
  const { state } = journeyMap;
  // Online, the session opens while the metadata is still loading (the first board comes
  // sooner). When even /api/me came from this device, the network is down and the socket's
  // access check can't run, so the device's copy of the board opens only for an account
  // that has opened this map here before (useJourneyMap knows).
  const auth = useAuth();
  const authFromDevice = auth.status === 'signed-in' && auth.fromDevice === true;
  // The REST answer and the socket both can say "no such map"; either one stops the session.
  const sessionAllowed =
    state.status === 'ready' ||
    state.status === 'error' ||
    (state.status === 'loading' && !authFromDevice);
  const session = useLiveSession(mapId, sessionAllowed);
  const pageTitle = state.status === 'ready' ? state.map.title : 'Journey map';
  useDocumentTitle(view === 'briefing' ? `Briefing: ${pageTitle}` : pageTitle);

  // UI state (card being edited…) belongs to this board only.
  useEffect(() => () => useUiStore.getState().reset(), []);
  // Gone, or no longer this account's: nothing of the map stays on this device.
  useEffect(() => {
    if (state.status === 'not-found') void forgetDeviceCopy(mapId);
  }, [state.status, mapId]);

  if (state.status === 'not-found') {
    return <NotFoundPage title="Map not found" message={state.message} />;
  }
  if (state.status === 'unavailable-offline') return <UnavailableOffline message={state.message} />;
  if (!session) return <BoardSkeleton />;
  return (
    <BoardSessionContext value={session}>
      <BoardCapabilities fromRest={state.status === 'ready' ? state.map.capabilities : undefined}>
        {view === 'briefing' ? (
          <LiveBriefing journeyMap={journeyMap} mapId={mapId} />
        ) : (
          <LocksProvider>
            <LiveBoard journeyMap={journeyMap} routeMapId={mapId} />
          </LocksProvider>
        )}
      </BoardCapabilities>
    </BoardSessionContext>
  );
}

function LiveBoard({
  journeyMap,
  routeMapId,
}: {
  journeyMap: ReturnType<typeof useJourneyMap>;
  routeMapId: string;
}) {
  const connection = useConnection();
  const { state, rename, renameError, dismissRenameError } = journeyMap;
  const [sharing, setSharing] = useState(false);
  const [presenting, setPresenting] = useState(false);
  // Without board.edit (viewers, commenters) the server drops edits: the read-only board.
  const mayEdit = useCan('board.edit');
  // A facilitator's board lock makes it read-only for participants (the server undoes their edits).
  const { binding } = useLocks();
  const canEdit = mayEdit && !binding.board;
  // The map's name is held by a board lock too (the server refuses a participant's rename).
  const canRename = useCan('map.rename') && !binding.mapDetailsLocked;
  const backLink = useHasMapList();
  // The board waits until the server has said what this person may do (the map's REST
  // answer or the socket's welcome, whichever comes first; offline, the device's copy):
  // drawn before, an editor's board would be drawn read-only and then all over again.
  const capabilitiesKnown = useServerCapabilities() !== null || state.status !== 'loading';
  const canShare = useCan('share.manage');
  const canRunWorkshops = useCan('workshop.manage');
  useUndoShortcuts();
  const mapId = state.status === 'ready' ? state.map.id : '';
  const workspaceId = state.status === 'ready' ? state.map.workspaceId : undefined;
  // The map's one event stream: comments, timer, votes.
  const canReadComments = useCan('comment.read');
  // Keyed by the address, not the REST answer: the synced board can be drawn first, and a
  // deep link may open the comment panel then — the answer arriving must not reset it.
  useMapEvents(routeMapId, { enabled: mapId !== '', comments: canReadComments });
  useTimerChime();
  const timer = mapId ? <WorkshopTimer mapId={mapId} /> : null;
  // In the header: the running timer and the "Workshop" button; the tools open below the board.
  const workshopToolsId = useId();
  const workshop = mapId ? (
    <>
      {timer}
      <WorkshopToggle toolsId={workshopToolsId} />
    </>
  ) : null;
  const commentPermissions = useCommentPermissions(workspaceId);
  const commentsOpen = useCommentStore((store) => store.panelOpen);
  const { slots, left, right } = useSidePanelSlots();
  const storageScope = useCanvasScope(mapId);

  if (connection.status === 'not-found') {
    return <NotFoundPage title="Map not found" message={MAP_NOT_FOUND_MESSAGE} />;
  }
  const title =
    state.status === 'ready' ? state.map.title : state.status === 'error' ? 'Journey map' : null;
  const problem = renameError ?? (state.status === 'error' ? state.message : null);
  // The status chip (and its "Status and review" popover) sits beside the title.
  const lifecycle =
    state.status === 'ready' && !state.fromDevice ? <LifecycleMenu map={state.map} /> : null;
  // On paper above the board, and above each printed group of a wide board.
  const printHeading = title ? <PrintHeading mapId={mapId} title={title} /> : null;

  // Comments and personas: Postgres data beside the board, not part of its document.
  // Their toggles sit in the header; the panels take their room from the board.
  const actions = (
    <>
      {mapId ? (
        <>
          <CommentsToggle />
          <PersonaPanel mapId={mapId} workspaceId={workspaceId} />
          <HistoryToggle />
        </>
      ) : null}
      {mayEdit && (canShare || canRunWorkshops) ? (
        <button type="button" className="button" onClick={() => setSharing(true)}>
          Share
        </button>
      ) : null}
      {mapId ? <BriefingLink mapId={mapId} /> : null}
      <button
        type="button"
        className="button button--ghost"
        title="Present stage by stage"
        onClick={() => setPresenting(true)}
      >
        <PresentIcon />
        <HeaderLabel>Present</HeaderLabel>
      </button>
      {state.status === 'ready' ? (
        <ExportMenu mapId={mapId} title={state.map.title} description={state.map.description} />
      ) : null}
    </>
  );

  return (
    <SidePanelSlotsContext value={slots}>
      <div className={`board-page${canEdit ? '' : ' board-page--read-only'}`}>
        <SkipToBoard />
        {mayEdit ? (
          <BoardHeader
            title={title}
            backLink={backLink}
            onRename={canRename ? (next) => void rename(next) : undefined}
            status={
              <>
                <GuestBadge />
                <StructureLockBadge />
                {lifecycle}
              </>
            }
            actions={actions}
            workshop={workshop}
          />
        ) : (
          <BoardHeader
            title={title}
            backLink={backLink}
            status={
              <>
                <ViewOnlyBadge />
                {lifecycle}
              </>
            }
            live={false}
            people
            actions={actions}
            workshop={workshop}
          />
        )}
        <BannerStack>
          {mapId ? <VotingBanner mapId={mapId} /> : null}
          <RatingBanner />
          <LockBanner />
          {mapId ? <BrainstormBanner mapId={mapId} /> : null}
          <FacilitationBanner />
          <WorkshopProblemBanner />
        </BannerStack>
        {sharing && state.status === 'ready' ? (
          <ShareDialog
            mapId={state.map.id}
            mapTitle={state.map.title}
            workspaceId={state.map.workspaceId}
            onClose={() => setSharing(false)}
          />
        ) : null}
        {presenting ? <Presentation onExit={() => setPresenting(false)} workshop={timer} /> : null}
        <VotingResults />
        <div className="board-page__body">
          <div ref={left} className="side-slot side-slot--left" />
          <main className="board-page__main">
            {mapId ? <WorkshopTools mapId={mapId} id={workshopToolsId} /> : null}
            {canEdit && problem ? (
              <ErrorBanner
                message={problem}
                {...(renameError ? { onDismiss: dismissRenameError } : {})}
              />
            ) : null}
            {/* Keyed by mode: the board is drawn anew when edit rights arrive, and the linked
                card is brought into view and focused again there. */}
            <HistoryNotice />
            <OfflineEditsNotice />
            <DeletedWhileWritingNotice />
            <LockedWhileWritingNotice />
            <InterruptedDraftKeeper mapId={routeMapId} />
            <MergedTextNotice />
            <UndoKeptNotice />
            <EditRightsNotice />
            <UnsavedChangesNotice />
            <div className="board-page__board">
              <BoardOrHistory>
                <CardDeepLink key={canEdit ? 'edit' : 'read-only'} />
                <CommentDeepLink />
                <RemoteChangeAnnouncer />
                {printHeading}
                {canEdit && mapId && connection.hasSynced ? (
                  <ImportIntoMap mapId={mapId} workspaceId={workspaceId} />
                ) : null}
                {connection.hasSynced && capabilitiesKnown ? (
                  <PrintHeadingContext value={printHeading}>
                    <PrivateCardsProvider>
                      <BoardView
                        mode={canEdit ? 'edit' : 'read-only'}
                        people
                        storageScope={storageScope}
                      />
                    </PrivateCardsProvider>
                  </PrintHeadingContext>
                ) : (
                  <BoardWaiting status={connection.status} />
                )}
              </BoardOrHistory>
              <RaisedHandsList />
            </div>
          </main>
          <div ref={right} className="side-slot side-slot--right">
            {commentsOpen && mapId ? (
              <CommentPanel mapId={mapId} permissions={commentPermissions} />
            ) : null}
            {mapId ? <VersionsPanelSlot /> : null}
          </div>
        </div>
      </div>
    </SidePanelSlotsContext>
  );
}

/** The briefing of a map this account (or workshop guest) can open: live, with the map's events. */
function LiveBriefing({
  journeyMap,
  mapId,
}: {
  journeyMap: ReturnType<typeof useJourneyMap>;
  mapId: string;
}) {
  const connection = useConnection();
  const { state } = journeyMap;
  const hasMapList = useHasMapList();
  // Vote reveals reach the briefing over the map's one event stream.
  useMapEvents(mapId, { enabled: state.status === 'ready', comments: false });
  if (connection.status === 'not-found') {
    return <NotFoundPage title="Map not found" message={MAP_NOT_FOUND_MESSAGE} />;
  }
  return (
    <BriefingScreen
      mapId={mapId}
      title={state.status === 'ready' ? state.map.title : null}
      lifecycle={state.status === 'ready' ? state.map.lifecycle : undefined}
      links={
        <>
          {hasMapList ? (
            <Link to="/" className="button button--ghost">
              All maps
            </Link>
          ) : null}
          <Link to={`/maps/${mapId}`} className="button">
            Open the board
          </Link>
        </>
      }
    />
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

/** No network, and nothing on this device this account may open. It retries when online. */
function UnavailableOffline({ message }: { message: string }) {
  return (
    <div className="board-page">
      <div className="board-waiting" role="alert">
        <p className="board-waiting__text">{message}</p>
      </div>
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
