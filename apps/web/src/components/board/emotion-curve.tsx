import { memo, useMemo } from 'react';
import { buildEmotionChart } from '../../board/emotion-curve.ts';
import { useEmotions, type Stage } from '../../board/use-board.ts';
import { formatScore, scoreSign } from './emotion-scale.ts';
import { EMOTION_CHART_HEIGHT, EMOTION_CHART_PADDING, STAGE_COLUMN_WIDTH } from './layout.ts';

/**
 * The emotion curve: a smooth line through every stage that has a score,
 * over a dashed zero line, with dots coloured by sign. Purely a picture of
 * the sliders below it, summarised for screen readers in its label.
 */
export const EmotionCurve = memo(function EmotionCurve({
  laneId,
  stages,
}: {
  laneId: string;
  stages: readonly Stage[];
}) {
  const emotions = useEmotions();
  const chart = useMemo(
    () =>
      buildEmotionChart(stages, emotions, laneId, {
        columnWidth: STAGE_COLUMN_WIDTH,
        height: EMOTION_CHART_HEIGHT,
        padding: EMOTION_CHART_PADDING,
      }),
    [stages, emotions, laneId],
  );
  const width = Math.max(stages.length * STAGE_COLUMN_WIDTH, 1);
  const titles = new Map(stages.map((stage) => [stage.id, stage.title]));
  const summary =
    chart.points.length === 0
      ? 'Emotion curve: no scores yet'
      : `Emotion curve: ${chart.points
          .map((point) => `${titles.get(point.stageId) ?? 'stage'} ${formatScore(point.score)}`)
          .join(', ')}`;

  return (
    <svg
      className="emotion-curve"
      width={width}
      height={EMOTION_CHART_HEIGHT}
      viewBox={`0 0 ${width} ${EMOTION_CHART_HEIGHT}`}
      role="img"
      aria-label={summary}
      data-testid="emotion-curve"
    >
      <line className="emotion-curve__zero" x1={0} x2={width} y1={chart.zeroY} y2={chart.zeroY} />
      {chart.path ? <path className="emotion-curve__line" d={chart.path} /> : null}
      {chart.points.map((point) => (
        <circle
          key={point.stageId}
          className={`emotion-curve__dot emotion-curve__dot--${scoreSign(point.score)}`}
          cx={point.x}
          cy={point.y}
          r={5.5}
        />
      ))}
    </svg>
  );
});
