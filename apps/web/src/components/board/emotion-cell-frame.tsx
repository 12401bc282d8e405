import type { ReactNode } from 'react';
import type { EmotionPoint } from '../../board/use-board.ts';
import { describeScore, formatScore } from './emotion-scale.ts';
import { stageWidthCss } from './stage-widths.ts';

/**
 * The emotion lane's cell as the grid and screen readers see it, whatever is
 * inside: the editor's slider or the read-only score.
 */
export function EmotionCellFrame({
  stageId,
  laneId,
  stageTitle,
  laneTitle,
  sign,
  extra,
  children,
}: {
  stageId: string;
  laneId: string;
  stageTitle: string;
  laneTitle: string;
  /** 'negative' | 'neutral' | 'positive' | 'unset': the cell's tint. */
  sign: string;
  /** Shown under the chart, above the score: this person's own rating while everyone rates. */
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      className={`cell cell--emotion emotion-cell--${sign}`}
      style={{ width: stageWidthCss(stageId) }}
      data-testid="cell"
      data-cell=""
      data-stage-id={stageId}
      data-lane-id={laneId}
      aria-label={`${laneTitle} in ${stageTitle}`}
    >
      {extra}
      {children}
    </div>
  );
}

/** A stage's emotion in short: its score and word, and its note. Nothing while it has none. */
export function EmotionSummary({ point }: { point: EmotionPoint | undefined }) {
  return (
    <div className="emotion-cell__summary">
      {point ? (
        <>
          <span className="emotion-cell__value">
            <strong className="emotion-cell__score">{formatScore(point.score)}</strong>{' '}
            {describeScore(point.score)}
          </span>
          {point.note ? (
            <span className="emotion-cell__note-text" title={point.note}>
              {point.note}
            </span>
          ) : null}
        </>
      ) : (
        <span className="visually-hidden">No score yet</span>
      )}
    </div>
  );
}
