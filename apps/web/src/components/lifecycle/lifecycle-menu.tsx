import { MAP_STATUS_LABELS, type TJourneyMap } from '@journeyboard/shared';
import { useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useHistoryStore } from '../../history/history-store.ts';
import { useCreateFutureState, useMarkReviewed } from '../../lifecycle/lifecycle-queries.ts';
import { ChevronIcon, CompareIcon, FutureStateIcon, ReviewedIcon } from '../common/icons.tsx';
import { useAnchoredPopup, type Anchoring } from '../common/use-anchored-popup.ts';
import { LifecycleButton } from './lifecycle-dialog.tsx';
import { LifecycleSummary } from './lifecycle-summary.tsx';

const mapHref = (id: string) => `/maps/${encodeURIComponent(id)}`;

/** Under the chip, from its left edge. */
const UNDER_THE_CHIP: Anchoring = { placement: 'bottom-start', gap: 6 };

/**
 * Beside the board's title: the map's status as a chip (marked when its
 * review is overdue) that opens "Status and review" — owner and review, the
 * maps it is linked to (its current-state source, its future states), and
 * what the caller may do about them, each offered only with its capability.
 * A popover, not a bar: the header stays one row and the board keeps its height.
 */
export function LifecycleMenu({ map }: { map: TJourneyMap }) {
  return map.lifecycle ? <LifecycleChip map={map} lifecycle={map.lifecycle} /> : null;
}

/** The chip and its panel, mounted together so the panel finds its chip. */
function LifecycleChip({
  map,
  lifecycle,
}: {
  map: TJourneyMap;
  lifecycle: NonNullable<TJourneyMap['lifecycle']>;
}) {
  const panelId = useId();
  const chipRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  useAnchoredPopup(panelRef, chipRef, UNDER_THE_CHIP);
  const status = MAP_STATUS_LABELS[lifecycle.status];
  return (
    <>
      <button
        ref={chipRef}
        type="button"
        className={`lifecycle-chip lifecycle-status lifecycle-status--${lifecycle.status}${
          lifecycle.reviewOverdue ? ' lifecycle-chip--overdue' : ''
        }`}
        popoverTarget={panelId}
        aria-label={`Status and review: ${status}${lifecycle.reviewOverdue ? ', review overdue' : ''}`}
        title="Status, owner and review"
      >
        {status}
        {lifecycle.reviewOverdue ? <span aria-hidden="true"> · Review overdue</span> : null}
        <ChevronIcon />
      </button>
      <div
        ref={panelRef}
        id={panelId}
        popover="auto"
        className="lifecycle-panel"
        role="dialog"
        aria-label="Status and review"
      >
        <LifecyclePanel map={map} />
      </div>
    </>
  );
}

function LifecyclePanel({ map }: { map: TJourneyMap }) {
  const lifecycle = map.lifecycle!;
  const canReview = useCan('map.review');
  const canCopy = useCan('map.future-state');
  const canRead = useCan('version.read');
  const review = useMarkReviewed(map.id);
  const copy = useCreateFutureState(map.id);
  const navigate = useNavigate();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

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
    <>
      <LifecycleSummary lifecycle={lifecycle} />
      {!lifecycle.owner && !lifecycle.nextReviewOn ? (
        <p className="muted">No owner or review date yet.</p>
      ) : null}
      {lifecycle.sourceMap ? (
        <p className="lifecycle-panel__links" data-testid="source-map-link">
          Future state of{' '}
          <Link to={mapHref(lifecycle.sourceMap.id)}>{lifecycle.sourceMap.title}</Link>
        </p>
      ) : null}
      {lifecycle.futureStates.length > 0 ? (
        <p className="lifecycle-panel__links" data-testid="future-state-links">
          Future states:{' '}
          {lifecycle.futureStates.map((future, index) => (
            <span key={future.id}>
              {index > 0 ? ', ' : ''}
              <Link to={mapHref(future.id)}>{future.title}</Link>
            </span>
          ))}
        </p>
      ) : null}
      <div className="lifecycle-panel__actions">
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
        <LifecycleButton map={map} label="Change status and review…" />
      </div>
      {message ? (
        <p
          className={message.error ? 'form-error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
    </>
  );
}
