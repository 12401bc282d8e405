import type { TJourneyMap } from '@journeyboard/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useHistoryStore } from '../../history/history-store.ts';
import { useCreateFutureState, useMarkReviewed } from '../../lifecycle/lifecycle-queries.ts';
import { CompareIcon, FutureStateIcon, ReviewedIcon } from '../common/icons.tsx';
import { LifecycleButton } from './lifecycle-dialog.tsx';
import { LifecycleSummary } from './lifecycle-summary.tsx';

const mapHref = (id: string) => `/maps/${encodeURIComponent(id)}`;

/**
 * Under the board's header: the map's status, owner and review, the maps it
 * is linked to (its current-state source, its future states), and what the
 * caller may do about them — each offered only with its capability.
 */
export function LifecycleBar({ map }: { map: TJourneyMap }) {
  const lifecycle = map.lifecycle;
  const canReview = useCan('map.review');
  const canCopy = useCan('map.future-state');
  const canRead = useCan('version.read');
  const review = useMarkReviewed(map.id);
  const copy = useCreateFutureState(map.id);
  const navigate = useNavigate();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!lifecycle) return null;

  const markReviewed = () => {
    setMessage(null);
    review.mutate(undefined, {
      onSuccess: ({ version }) => setMessage({ text: `Saved “${version.name}”.`, error: false }),
      onError: (caught) => setMessage({ text: errorMessage(caught), error: true }),
    });
  };
  const createFutureState = () => {
    setMessage(null);
    copy.mutate(undefined, {
      onSuccess: (created) => void navigate(mapHref(created.id)),
      onError: (caught) => setMessage({ text: errorMessage(caught), error: true }),
    });
  };

  return (
    <div className="lifecycle-bar" role="region" aria-label="Status and review">
      <LifecycleSummary lifecycle={lifecycle} />
      {lifecycle.sourceMap || lifecycle.futureStates.length > 0 ? (
        <span className="lifecycle-bar__links">
          {lifecycle.sourceMap ? (
            <span data-testid="source-map-link">
              Future state of{' '}
              <Link to={mapHref(lifecycle.sourceMap.id)}>{lifecycle.sourceMap.title}</Link>
            </span>
          ) : null}
          {lifecycle.futureStates.length > 0 ? (
            <span data-testid="future-state-links">
              Future states:{' '}
              {lifecycle.futureStates.map((future, index) => (
                <span key={future.id}>
                  {index > 0 ? ', ' : ''}
                  <Link to={mapHref(future.id)}>{future.title}</Link>
                </span>
              ))}
            </span>
          ) : null}
        </span>
      ) : null}
      <span className="lifecycle-bar__actions">
        {lifecycle.sourceMap && canRead ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => useHistoryStore.getState().show({ kind: 'source' })}
          >
            <CompareIcon /> Compare with current state
          </button>
        ) : null}
        {canReview ? (
          <button
            type="button"
            className="button button--ghost"
            disabled={review.isPending}
            onClick={markReviewed}
          >
            <ReviewedIcon /> {review.isPending ? 'Saving review…' : 'Mark as reviewed'}
          </button>
        ) : null}
        {canCopy && lifecycle.status === 'current' ? (
          <button
            type="button"
            className="button button--ghost"
            disabled={copy.isPending}
            onClick={createFutureState}
          >
            <FutureStateIcon /> {copy.isPending ? 'Copying…' : 'Create future-state map'}
          </button>
        ) : null}
        <LifecycleButton map={map} label="Status and review" />
      </span>
      {message ? (
        <span
          className={message.error ? 'form-error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
