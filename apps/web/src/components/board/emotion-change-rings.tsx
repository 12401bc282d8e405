import type { EmotionChart } from '../../board/emotion-curve.ts';
import { cellKey, type Stage } from '../../board/use-board.ts';
import type { ChangeMark, ChangeMarks } from './change-marks.tsx';

export interface EmotionChange {
  readonly stageId: string;
  readonly key: string;
  readonly mark: ChangeMark;
  readonly current: boolean;
}

/** The comparison's changed scores in this emotion lane, in stage order. */
export function emotionChangesIn(
  marks: ChangeMarks | null,
  stages: readonly Stage[],
  laneId: string,
): EmotionChange[] {
  if (!marks || marks.emotions.size === 0) return [];
  return stages.flatMap((stage) => {
    const key = cellKey(stage.id, laneId);
    const mark = marks.emotions.get(key);
    return mark ? [{ stageId: stage.id, key, mark, current: marks.current === key }] : [];
  });
}

/**
 * A ring round each score a comparison marks: on the score as it is now, or
 * — removed — where the earlier (dashed) curve had it. Coloured as the cards'
 * marks are; the one stepped to also outlined (change-marks.css).
 */
export function EmotionChangeRings({
  changes,
  columnCentre,
  chart,
  baseline,
}: {
  changes: readonly EmotionChange[];
  columnCentre: (stageId: string) => number | undefined;
  chart: EmotionChart;
  baseline: EmotionChart | null;
}) {
  return changes.map(({ stageId, key, mark, current }) => {
    const x = columnCentre(stageId);
    if (x === undefined) return null;
    const point =
      chart.points.find((item) => item.stageId === stageId) ??
      baseline?.points.find((item) => item.stageId === stageId);
    return (
      <circle
        key={key}
        className={`emotion-change emotion-change--${mark}${current ? ' emotion-change--current' : ''}`}
        cx={x}
        cy={point?.y ?? chart.zeroY}
        r={11}
        data-change-cell={key}
        data-change={mark}
      />
    );
  });
}
