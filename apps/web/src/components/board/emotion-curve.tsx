import { memo, useMemo, useRef, type PointerEvent } from 'react';
import { buildEmotionChart, yToScore } from '../../board/emotion-curve.ts';
import { useBoardActions, useEmotions, type Stage } from '../../board/use-board.ts';
import { useBoardEditable } from './board-mode.ts';
import { formatScore, scoreSign } from './emotion-scale.ts';
import { EMOTION_CHART_HEIGHT, EMOTION_CHART_PADDING, STAGE_COLUMN_WIDTH } from './layout.ts';
import './emotion.css';

const LAYOUT = {
  columnWidth: STAGE_COLUMN_WIDTH,
  height: EMOTION_CHART_HEIGHT,
  padding: EMOTION_CHART_PADDING,
};

/**
 * The emotion curve: a smooth line through every stage that has a score,
 * over a dashed zero line, with dots coloured by sign. Press anywhere in a
 * stage's column and drag up or down to set its score; the curve follows.
 * (The sliders below are the keyboard way; the curve's label summarises it.)
 * Outside the editor it is only drawn; `highlightStageId` shades one stage's
 * column (the stage being presented).
 */
export const EmotionCurve = memo(function EmotionCurve({
  laneId,
  stages,
  highlightStageId,
}: {
  laneId: string;
  stages: readonly Stage[];
  highlightStageId?: string | undefined;
}) {
  const editable = useBoardEditable();
  const emotions = useEmotions();
  const actions = useBoardActions();
  const dragging = useRef<string | null>(null);
  const chart = useMemo(
    () => buildEmotionChart(stages, emotions, laneId, LAYOUT),
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

  /** Chart coordinates of the pointer (the board may be zoomed). */
  const toChart = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * width,
      y: ((event.clientY - rect.top) / rect.height) * EMOTION_CHART_HEIGHT,
    };
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const { x, y } = toChart(event);
    const stage = stages[Math.floor(x / STAGE_COLUMN_WIDTH)];
    if (!stage) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = stage.id;
    actions.setEmotion(stage.id, laneId, yToScore(y, LAYOUT));
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!dragging.current) return;
    actions.setEmotion(dragging.current, laneId, yToScore(toChart(event).y, LAYOUT));
  };
  const onPointerUp = () => {
    dragging.current = null;
  };

  const highlighted = stages.findIndex((stage) => stage.id === highlightStageId);
  return (
    <svg
      className={`emotion-curve${editable ? ' emotion-curve--editable' : ''}`}
      width={width}
      height={EMOTION_CHART_HEIGHT}
      viewBox={`0 0 ${width} ${EMOTION_CHART_HEIGHT}`}
      role="img"
      aria-label={summary}
      data-testid="emotion-curve"
      {...(editable
        ? {
            onPointerDown,
            onPointerMove,
            onPointerUp,
            onPointerCancel: onPointerUp,
          }
        : {})}
    >
      {highlighted !== -1 ? (
        <rect
          className="emotion-curve__highlight"
          x={highlighted * STAGE_COLUMN_WIDTH}
          y={0}
          width={STAGE_COLUMN_WIDTH}
          height={EMOTION_CHART_HEIGHT}
        />
      ) : null}
      <line className="emotion-curve__zero" x1={0} x2={width} y1={chart.zeroY} y2={chart.zeroY} />
      {chart.path ? (
        <path className="emotion-curve__line" d={chart.path} data-testid="emotion-path" />
      ) : null}
      {chart.points.map((point) => (
        <circle
          key={point.stageId}
          className={`emotion-curve__dot emotion-curve__dot--${scoreSign(point.score)}`}
          cx={point.x}
          cy={point.y}
          r={6}
          data-testid="emotion-point"
          data-stage-id={point.stageId}
          data-score={point.score}
        />
      ))}
    </svg>
  );
});
