import { useRef, type ReactNode } from 'react';
import { StarIcon } from '../common/icons.tsx';
import { useTruncated } from './use-truncated.ts';

/**
 * A stage's title line: up to two lines, then cut with an ellipsis — and
 * then the whole title shows below it on hover and on keyboard focus (the
 * control's name and tooltip carry it too).
 */
export function StageTitle({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const truncated = useTruncated(ref, title);
  return (
    <div className="stage-header__title-line" data-truncated={truncated ? 'true' : undefined}>
      <div ref={ref} className="stage-header__title-clamp">
        {children}
      </div>
      {truncated ? (
        <span className="stage-header__full-title" aria-hidden="true">
          {title}
        </span>
      ) : null}
    </div>
  );
}

/** A moment of truth, marked beside the description. */
export function MomentMarker() {
  return (
    <span className="stage-header__moment-marker" title="Moment of truth">
      <StarIcon size={12} filled />
      <span className="visually-hidden">Moment of truth</span>
    </span>
  );
}
