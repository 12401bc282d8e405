import { Link } from 'react-router';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';

interface NotFoundPageProps {
  title?: string;
  message?: string;
  /**
   * The big "404" above the title; `false` on pages for links that ended
   * (shared with people who never saw the address as a web page).
   */
  showCode?: boolean;
}

/** Unknown addresses, maps that do not exist, and links that no longer work. */
export function NotFoundPage({
  title = 'Page not found',
  message = 'There is nothing at this address.',
  showCode = true,
}: NotFoundPageProps) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main not-found" data-testid="not-found">
        {showCode ? (
          <p className="not-found__code" aria-hidden="true">
            404
          </p>
        ) : null}
        <h1 className="not-found__title">{title}</h1>
        <p className="not-found__text">{message}</p>
        <Link to="/" className="button button--primary">
          Back to all maps
        </Link>
      </main>
    </div>
  );
}
