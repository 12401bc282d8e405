import { EMOTION_MAX, EMOTION_MIN, type Briefing } from '@journeyboard/shared/board';

/** The plot's height, in CSS px; its width is the section's. */
const HEIGHT = 160;
const PAD = 24;

const formatScore = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0');

/**
 * The emotion curve across stages as a small line chart, lows marked red,
 * with the lows said in words below it (the chart is one image to a screen
 * reader, described by that list).
 *
 * It takes the section's whole width, on screen and on paper: each stage has
 * an equal column, its point at the column's middle (x in percent) over its
 * name (HTML, cut with an ellipsis only when the column is too narrow for it).
 * No viewBox: a fixed one was scaled to fit the height, so the chart used
 * about two-thirds of the width and names were shortened that had room.
 */
export function EmotionChart({ emotion }: { emotion: Briefing['emotion'] }) {
  const { points, lows } = emotion;
  const x = (index: number) => `${((index + 0.5) / points.length) * 100}%`;
  const y = (score: number) =>
    PAD + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * (HEIGHT - 2 * PAD);
  const scored = points
    .map((point, index) => ({ point, index }))
    .filter(
      (entry): entry is { point: typeof entry.point & { score: number }; index: number } =>
        entry.point.score !== null,
    );
  const lowIds = new Set(lows.map((low) => low.stageId));
  const summary = scored
    .map(({ point }) => `${point.stageTitle} ${formatScore(point.score)}`)
    .join(', ');
  return (
    <div className="briefing-emotion">
      <svg
        className="briefing-emotion__chart"
        height={HEIGHT}
        role="img"
        aria-label={`Emotion across the stages: ${summary}`}
      >
        <line
          className="briefing-emotion__zero"
          x1={x(0)}
          x2={x(points.length - 1)}
          y1={y(0)}
          y2={y(0)}
        />
        {/* Straight segments (a path cannot take percentages); round caps join them. */}
        {scored.slice(1).map(({ point, index }, n) => {
          const from = scored[n]!;
          return (
            <line
              key={point.stageId}
              className="briefing-emotion__line"
              x1={x(from.index)}
              y1={y(from.point.score)}
              x2={x(index)}
              y2={y(point.score)}
            />
          );
        })}
        {scored.map(({ point, index }) => (
          <circle
            key={point.stageId}
            className={`briefing-emotion__point${lowIds.has(point.stageId) ? ' briefing-emotion__point--low' : ''}`}
            cx={x(index)}
            cy={y(point.score)}
            r={lowIds.has(point.stageId) ? 6 : 4}
            data-stage-id={point.stageId}
          />
        ))}
      </svg>
      <ol className="briefing-emotion__stages" aria-hidden="true">
        {points.map((point) => (
          <li key={point.stageId} title={point.stageTitle} data-stage-id={point.stageId}>
            {point.stageTitle}
          </li>
        ))}
      </ol>
      {lows.length > 0 ? (
        <ul className="briefing-emotion__lows" aria-label="Emotional lows">
          {lows.map((low) => (
            <li key={low.stageId}>
              <strong>{low.stageTitle}</strong> {formatScore(low.score ?? 0)}
              {low.note ? ` — ${low.note}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="briefing-section__empty">No stage scores below neutral.</p>
      )}
    </div>
  );
}
