import { useCan } from '../../capabilities/capabilities.tsx';
import { useActivity } from '../../history/version-queries.ts';
import { RelativeTime } from '../common/relative-time.tsx';

/**
 * "Created by Ana · last changed by Ben, 5 minutes ago" under an open card,
 * from the card's activity (the server's attribution, never the client's
 * claim). Nothing while it loads, or for a card older than the feed.
 */
export function CardByline({ cardId }: { cardId: string }) {
  const canRead = useCan('version.read');
  const activity = useActivity({ cardId }, { enabled: canRead });
  const entries = activity.data?.pages.flatMap((page) => page.entries) ?? [];
  const last = entries[0];
  if (!canRead || !last) return null;
  const created = entries.find((entry) => entry.changes.some((c) => c.kind === 'card.added'));
  return (
    <p className="card__byline" data-testid="card-byline">
      {created ? (
        <>
          Created by {created.author.name} <RelativeTime iso={created.firstAt} />
          {' · '}
        </>
      ) : null}
      Last changed by {last.author.name} <RelativeTime iso={last.at} />
    </p>
  );
}
