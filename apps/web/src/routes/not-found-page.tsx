import { Link } from 'react-router';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';

interface NotFoundPageProps {
  title?: string;
  message?: string;
}

/** Unknown addresses, and maps that do not exist. */
export function NotFoundPage({
  title = 'Page not found',
  message = 'There is nothing at this address.',
}: NotFoundPageProps) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main not-found" data-testid="not-found">
        <p className="not-found__code" aria-hidden="true">
          404
        </p>
        <h1 className="not-found__title">{title}</h1>
        <p className="not-found__text">{message}</p>
        <Link to="/" className="button button--primary">
          Back to all maps
        </Link>
      </main>
    </div>
  );
}
