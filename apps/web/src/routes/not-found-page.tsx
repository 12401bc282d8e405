import { Link } from 'react-router';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';

interface NotFoundPageProps {
  title?: string;
  message?: string;
  /**
   * A shared link that no longer works: no "404" and no "Back to all maps" —
   * whoever holds the link may have no account here.
   */
  forLink?: boolean;
}

/** Unknown addresses, maps that do not exist, and links that no longer work. */
export function NotFoundPage({
  title = 'Page not found',
  message = 'There is nothing at this address.',
  forLink = false,
}: NotFoundPageProps) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main not-found" data-testid="not-found">
        {forLink ? null : (
          <p className="not-found__code" aria-hidden="true">
            404
          </p>
        )}
        <h1 className="not-found__title">{title}</h1>
        <p className="not-found__text">{message}</p>
        {forLink ? null : (
          <Link to="/" className="button button--primary">
            Back to all maps
          </Link>
        )}
      </main>
    </div>
  );
}
