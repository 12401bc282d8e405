import type { ReactNode } from 'react';

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
  children,
}: {
  stageId: string;
  laneId: string;
  stageTitle: string;
  laneTitle: string;
  /** 'negative' | 'neutral' | 'positive' | 'unset': the cell's tint. */
  sign: string;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      className={`cell cell--emotion emotion-cell--${sign}`}
      data-testid="cell"
      data-cell=""
      data-stage-id={stageId}
      data-lane-id={laneId}
      aria-label={`${laneTitle} in ${stageTitle}`}
    >
      {children}
    </div>
  );
}
