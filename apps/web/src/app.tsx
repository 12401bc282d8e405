import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAccount } from './components/auth/require-account.tsx';
import { JoinPage } from './routes/join-page.tsx';
import { MapListPage } from './routes/map-list-page.tsx';
import { MembersPage } from './routes/members-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { MentionsPage } from './routes/mentions-page.tsx';
import { PersonasPage } from './routes/personas-page.tsx';
import { SignInPage, SignUpPage } from './routes/sign-in-page.tsx';

// The board pulls in Yjs, the sync client and drag and drop; load it only when a board opens.
let loadedBoardPage: ComponentType<{ view?: 'board' | 'briefing' }> | null = null;
const loadBoardPage = () =>
  import('./routes/board-page.tsx').then((module) => {
    loadedBoardPage = module.BoardPage;
    return { default: module.BoardPage };
  });
const LazyBoardPage = lazy(loadBoardPage);
// Opening a board link: fetch the board's code while the account check is still
// in flight, instead of after it (it would otherwise be a second round trip).
if (window.location.pathname.startsWith('/maps/')) void loadBoardPage();

/**
 * Renders the board directly once its code is loaded. Going through `lazy`
 * would suspend once anyway, and React holds a revealed Suspense boundary
 * back for 300 ms — most of the time to a first board, measured.
 */
function BoardPage({ view = 'board' }: { view?: 'board' | 'briefing' }) {
  const Loaded = loadedBoardPage;
  return Loaded ? <Loaded view={view} /> : <LazyBoardPage view={view} />;
}
const ShareViewPage = lazy(() =>
  import('./routes/share-view-page.tsx').then((module) => ({ default: module.ShareViewPage })),
);

/** The routes. The server answers unknown paths with index.html, so deep links work. */
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
          <RequireAccount allowGuests>
            <Suspense fallback={<p className="board-waiting">Loading board…</p>}>
              <BoardPage />
            </Suspense>
          </RequireAccount>
        }
      />
      <Route
        path="/maps/:mapId/briefing"
        element={
          <RequireAccount allowGuests>
            <Suspense fallback={<p className="board-waiting">Loading briefing…</p>}>
              <BoardPage view="briefing" />
            </Suspense>
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
      <Route
        path="/s/:token"
        element={
          <Suspense fallback={<p className="board-waiting">Opening the map…</p>}>
            <ShareViewPage />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
