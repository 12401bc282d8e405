import { MAP_STATUS_LABELS, type TMapLifecycle } from '@journeyboard/shared';
import { LifecycleIcon, PersonIcon } from '../common/icons.tsx';
import './lifecycle.css';

/** A review day (YYYY-MM-DD, UTC) the way people read dates: "15 Jan 2027". */
export const formatReviewDay = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Status, owner and next review of a map, in one line; an overdue review stands out. */
export function LifecycleSummary({ lifecycle }: { lifecycle: TMapLifecycle }) {
  return (
    <p className="lifecycle-summary" data-testid="lifecycle-summary">
      <span
        className={`lifecycle-status lifecycle-status--${lifecycle.status}`}
        data-testid="map-status"
      >
        {MAP_STATUS_LABELS[lifecycle.status]}
      </span>
      {lifecycle.owner ? (
        <span className="lifecycle-summary__item" data-testid="map-owner">
          <PersonIcon />
          <span className="visually-hidden">Owner: </span>
          {lifecycle.owner.name}
        </span>
      ) : null}
      {lifecycle.nextReviewOn ? (
        lifecycle.reviewOverdue ? (
          <span
            className="lifecycle-summary__item lifecycle-summary__item--overdue"
            data-testid="review-overdue"
          >
            <LifecycleIcon />
            Review overdue since {formatReviewDay(lifecycle.nextReviewOn)}
          </span>
        ) : (
          <span className="lifecycle-summary__item" data-testid="next-review">
            <LifecycleIcon />
            Review by {formatReviewDay(lifecycle.nextReviewOn)}
          </span>
        )
      ) : null}
    </p>
  );
}
