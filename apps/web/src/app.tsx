import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import type { TShareLinkView } from '@journeyboard/shared';
import { Route, Routes } from 'react-router';
import { RequireAccount } from './components/auth/require-account.tsx';
import { JoinPage } from './routes/join-page.tsx';
import { MapListPage } from './routes/map-list-page.tsx';
import { MembersPage } from './routes/members-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { MentionsPage } from './routes/mentions-page.tsx';
import { PersonasPage } from './routes/personas-page.tsx';
import { SignInPage } from './routes/sign-in-page.tsx';
import { SignUpPage } from './routes/sign-up-page.tsx';

// The board pulls in Yjs, the sync client and drag and drop; load it only when a board opens.
type BoardPageComponent = ComponentType<{ view?: 'board' | 'briefing' }>;
let loadedBoardPage: BoardPageComponent | null = null;
let loadingBoardPage: Promise<BoardPageComponent> | null = null;
const loadBoardPage = () =>
  (loadingBoardPage ??= import('./routes/board-page.tsx').then(
    (module) => (loadedBoardPage = module.BoardPage),
  ));
// Opening a board link: fetch the board's code while the account check is still
// in flight, instead of after it (it would otherwise be a second round trip).
if (window.location.pathname.startsWith('/maps/')) void loadBoardPage();

/**
 * The board, as soon as its code is loaded. Not `lazy` and Suspense: once a
 * Suspense fallback has shown, React holds the content back for 300 ms — most
 * of the time to a first board when the account check answers before the
 * code is in (measured).
 */
function BoardPage({ view = 'board' }: { view?: 'board' | 'briefing' }) {
  const [Loaded, setLoaded] = useState(() => loadedBoardPage);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Loaded) return;
    let mounted = true;
    loadBoardPage().then(
      (page) => mounted && setLoaded(() => page),
      () => mounted && setFailed(true),
    );
    return () => {
      mounted = false;
    };
  }, [Loaded]);
  if (Loaded) return <Loaded view={view} />;
  return (
    <p className="board-waiting" role={failed ? 'alert' : 'status'}>
      {failed
        ? 'The board could not be loaded. Check the connection and reload the page.'
        : view === 'briefing'
          ? 'Loading briefing…'
          : 'Loading board…'}
    </p>
  );
}
const ShareViewPage = lazy(() =>
  import('./routes/share-view-page.tsx').then((module) => ({ default: module.ShareViewPage })),
);

/** The routes. The server answers unknown paths with index.html, so deep links work. */
const sharedPage = (view?: TShareLinkView) => (
  <Suspense fallback={<p className="board-waiting">Opening the map…</p>}>
    <ShareViewPage view={view} />
  </Suspense>
);

export function App() {
  return (
    <Routes>
      <Route
        path="/"
        element={
          <RequireAccount>
            <MapListPage />
          </RequireAccount>
        }
      />
      <Route
        path="/maps/:mapId"
        element={
          <RequireAccount allowGuests keepOnceShown>
            <BoardPage />
          </RequireAccount>
        }
      />
      <Route
        path="/maps/:mapId/briefing"
        element={
          <RequireAccount allowGuests keepOnceShown>
            <BoardPage view="briefing" />
          </RequireAccount>
        }
      />
      <Route
        path="/workspaces/:workspaceId/members"
        element={
          <RequireAccount>
            <MembersPage />
          </RequireAccount>
        }
      />
      <Route
        path="/workspaces/:workspaceId/personas"
        element={
          <RequireAccount>
            <PersonasPage />
          </RequireAccount>
        }
      />
      <Route
        path="/mentions"
        element={
          <RequireAccount>
            <MentionsPage />
          </RequireAccount>
        }
      />
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/join/:token" element={<JoinPage />} />
      {/* A read-only link opens on the page its owner chose; each page has its own address too. */}
      <Route path="/s/:token" element={sharedPage()} />
      <Route path="/s/:token/board" element={sharedPage('board')} />
      <Route path="/s/:token/briefing" element={sharedPage('briefing')} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
