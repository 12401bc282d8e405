import { memo, useMemo, useRef, type PointerEvent } from 'react';
import { buildEmotionChart, yToScore } from '../../board/emotion-curve.ts';
import {
  cellKey,
  useBoardActions,
  useBoardValue,
  useEmotions,
  type Stage,
} from '../../board/use-board.ts';
import { useBoardEditable } from './board-mode.ts';
import { useChangeMarks } from './change-marks.tsx';
import { EmotionChangeRings, emotionChangesIn } from './emotion-change-rings.tsx';
import { formatScore, scoreSign } from './emotion-scale.ts';
import { EMOTION_CHART_HEIGHT, EMOTION_CHART_PADDING, STAGE_COLUMN_WIDTH } from './layout.ts';
import { columnSpans, useStageWidths } from './stage-widths.ts';
import { useShownRating } from '../../workshop/rating-queries.ts';
import { describeRoomBand, RoomBandLayer } from './room-band-layer.tsx';
import { useElementWidth } from './use-element-width.ts';
import './emotion.css';

/**
 * The emotion curve: a smooth line through every stage that has a score,
 * over a dashed zero line, with dots coloured by sign. Press anywhere in a
 * stage's column and drag up or down to set its score; the curve follows.
 * (The sliders in the cells are the keyboard way; the curve's label
 * summarises it.) An empty curve says so and invites the drag; in the editor
 * a stage without a score shows a hollow dot on the zero line.
 * Outside the editor it is only drawn; `highlightStageId` shades one stage's
 * column (the stage being presented). In a comparison, the scores that
 * changed are ringed and the one stepped to is shaded the same way.
 * With `fit` (presentation: the whole journey above one stage) it is drawn
 * across the width CSS gives it, at that many pixels: the columns keep their
 * proportions and the dots and text their size. (Scaling the board-width
 * drawing to the box instead drew it narrower than the box, centred, and
 * squashed, so no point sat under its stage's name.)
 */
export const EmotionCurve = memo(function EmotionCurve({
  laneId,
  stages,
  highlightStageId,
  fit = false,
}: {
  laneId: string;
  stages: readonly Stage[];
  highlightStageId?: string | undefined;
  fit?: boolean;
}) {
  const editable = useBoardEditable();
  const emotions = useEmotions();
  // Of the whole board: a printed page of later stages is a part of it, not a curve of its own.
  const laneHasScores = useBoardValue((board) =>
    board.stages.some((stage) => board.emotions.has(cellKey(stage.id, laneId))),
  );
  const actions = useBoardActions();
  const { widthOf } = useStageWidths();
  const dragging = useRef<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const fittedWidth = useElementWidth(svgRef, fit);
  // A revealed "Everyone rates" round on this lane: the room's scores beside the curve.
  const room = useShownRating(laneId);
  const spans = useMemo(() => {
    const board = columnSpans(stages, widthOf);
    const last = board[board.length - 1];
    if (fittedWidth === null || !last) return board;
    // Every column scaled by the same factor, so the whole journey spans the fitted width.
    const scale = fittedWidth / (last.left + last.width);
    return columnSpans(stages, (stageId) => widthOf(stageId) * scale);
  }, [stages, widthOf, fittedWidth]);
  const marks = useChangeMarks();
  const baselineEmotions = marks?.baselineEmotions;
  const chartLayout = useMemo(
    () => ({
      columnWidth: STAGE_COLUMN_WIDTH,
      columnWidths: spans.map((span) => span.width),
      height: EMOTION_CHART_HEIGHT,
      padding: EMOTION_CHART_PADDING,
    }),
    [spans],
  );
  const chart = useMemo(
    () => buildEmotionChart(stages, emotions, laneId, chartLayout),
    [stages, emotions, laneId, chartLayout],
  );
  // A comparison's earlier curve (the current state under a future state), in the same chart.
  const baseline = useMemo(
    () =>
      baselineEmotions ? buildEmotionChart(stages, baselineEmotions, laneId, chartLayout) : null,
    [stages, baselineEmotions, laneId, chartLayout],
  );
  const last = spans[spans.length - 1];
  const width = Math.max(last ? last.left + last.width : 0, 1);
  const titles = new Map(stages.map((stage) => [stage.id, stage.title]));
  const curve =
    chart.points.length === 0
      ? 'Emotion curve: no scores yet'
      : `Emotion curve: ${chart.points
          .map((point) => `${titles.get(point.stageId) ?? 'stage'} ${formatScore(point.score)}`)
          .join(', ')}`;
  const baselineSummary =
    baseline && baseline.points.length > 0
      ? `; before: ${baseline.points
          .map((point) => `${titles.get(point.stageId) ?? 'stage'} ${formatScore(point.score)}`)
          .join(', ')}`
      : '';
  // A comparison's marks: which scores changed, the one stepped to shaded like a presented stage.
  const changes = emotionChangesIn(marks, stages, laneId);
  const changedSummary =
    changes.length > 0
      ? `; changed: ${changes.map((change) => titles.get(change.stageId) ?? 'stage').join(', ')}`
      : '';
  const summary = room ? `${curve}. ${describeRoomBand(room, stages)}` : curve;
  const layout = { height: EMOTION_CHART_HEIGHT, padding: EMOTION_CHART_PADDING };

  /** Chart coordinates of the pointer (the board may be zoomed). */
  const toChart = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * width,
      y: ((event.clientY - rect.top) / rect.height) * EMOTION_CHART_HEIGHT,
    };
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    // A finger on the band is someone scrolling past it, not scoring a stage (that moved the
    // curve for everyone by accident): on touch, scores are set with each stage's slider below.
    if (event.button !== 0 || event.pointerType === 'touch') return;
    const { x, y } = toChart(event);
    const index = spans.findIndex((span) => x >= span.left && x < span.left + span.width);
    const stage = stages[index];
    if (!stage) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = stage.id;
    actions.setEmotion(stage.id, laneId, yToScore(y, layout));
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!dragging.current) return;
    actions.setEmotion(dragging.current, laneId, yToScore(toChart(event).y, layout));
  };
  const onPointerUp = () => {
    dragging.current = null;
  };

  const shadedStageId = highlightStageId ?? changes.find((change) => change.current)?.stageId;
  const highlighted = stages.findIndex((stage) => stage.id === shadedStageId);
  const highlight = spans[highlighted];
  const scored = new Set(chart.points.map((point) => point.stageId));
  return (
    <svg
      ref={svgRef}
      className={`emotion-curve${editable ? ' emotion-curve--editable' : ''}`}
      width={width}
      height={EMOTION_CHART_HEIGHT}
      viewBox={`0 0 ${width} ${EMOTION_CHART_HEIGHT}`}
      role="img"
      aria-label={summary + baselineSummary + changedSummary}
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
      {highlight ? (
        <rect
          className="emotion-curve__highlight"
          x={highlight.left}
          y={0}
          width={highlight.width}
          height={EMOTION_CHART_HEIGHT}
        />
      ) : null}
      <line className="emotion-curve__zero" x1={0} x2={width} y1={chart.zeroY} y2={chart.zeroY} />
      {editable
        ? stages.map((stage, index) =>
            scored.has(stage.id) || !spans[index] ? null : (
              <circle
                key={stage.id}
                className="emotion-curve__slot"
                cx={spans[index].left + spans[index].width / 2}
                cy={chart.zeroY}
                r={5}
              />
            ),
          )
        : null}
      {!laneHasScores ? (
        <text
          className="emotion-curve__hint"
          x={width / 2}
          y={chart.zeroY - 12}
          textAnchor="middle"
        >
          No emotion scores yet
          {/* How to set one: for the editor, not on paper or in a picture (print.css, board-image.ts). */}
          {editable ? (
            <tspan className="emotion-curve__hint-action">
              {' '}
              — drag up or down in a stage to set one
            </tspan>
          ) : null}
        </text>
      ) : null}
      {baseline?.path ? (
        <path
          className="emotion-curve__line emotion-curve__line--baseline"
          d={baseline.path}
          data-testid="emotion-baseline-path"
        />
      ) : null}
      {/* Each earlier score too, so a lone one (no line to draw) still shows where it was. */}
      {baseline?.points.map((point) => (
        <circle
          key={`before-${point.stageId}`}
          className="emotion-curve__dot--baseline"
          cx={point.x}
          cy={point.y}
          r={4}
          data-testid="emotion-baseline-point"
        />
      ))}
      {chart.path ? (
        <path className="emotion-curve__line" d={chart.path} data-testid="emotion-path" />
      ) : null}
      <EmotionChangeRings
        changes={changes}
        columnCentre={(stageId) => {
          const span = spans[stages.findIndex((stage) => stage.id === stageId)];
          return span ? span.left + span.width / 2 : undefined;
        }}
        chart={chart}
        baseline={baseline}
      />
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
      {/* Last: SVG paints in order, and the curve crossed out the band's "3 rated" below it. */}
      {room ? (
        <RoomBandLayer
          round={room}
          stages={stages}
          layout={{
            columnWidth: STAGE_COLUMN_WIDTH,
            columnWidths: spans.map((span) => span.width),
            height: EMOTION_CHART_HEIGHT,
            padding: EMOTION_CHART_PADDING,
          }}
        />
      ) : null}
    </svg>
  );
});
