import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { MapListPage } from './routes/map-list-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';

// The board pulls in Yjs, the sync client and drag and drop; load it only when a board opens.
const BoardPage = lazy(() =>
  import('./routes/board-page.tsx').then((module) => ({ default: module.BoardPage })),
);

/** The routes. The server answers unknown paths with index.html, so deep links work. */
export function App() {
  return (
    <Routes>
      <Route path="/" element={<MapListPage />} />
      <Route
        path="/maps/:mapId"
        element={
          <Suspense fallback={<p className="board-waiting">Loading board…</p>}>
            <BoardPage />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
