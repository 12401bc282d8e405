import { EMOTION_MAX, EMOTION_MIN, type Briefing } from '@journeyboard/shared/board';

const WIDTH = 640;
const HEIGHT = 160;
const PAD = 24;

const formatScore = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0');

/**
 * The emotion curve across stages as a small line chart, lows marked red,
 * with the lows said in words below it (the chart is one image to a screen
 * reader, described by that list).
 */
export function EmotionChart({ emotion }: { emotion: Briefing['emotion'] }) {
  const { points, lows } = emotion;
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const x = (index: number) => (points.length > 1 ? PAD + index * step : WIDTH / 2);
  const y = (score: number) =>
    PAD + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * (HEIGHT - 2 * PAD);
  const scored = points
    .map((point, index) => ({ point, index }))
    .filter(
      (entry): entry is { point: typeof entry.point & { score: number }; index: number } =>
        entry.point.score !== null,
    );
  const path = scored
    .map(({ point, index }, n) => `${n === 0 ? 'M' : 'L'}${x(index)},${y(point.score)}`)
    .join(' ');
  const lowIds = new Set(lows.map((low) => low.stageId));
  const summary = scored
    .map(({ point }) => `${point.stageTitle} ${formatScore(point.score)}`)
    .join(', ');
  return (
    <div className="briefing-emotion">
      <svg
        className="briefing-emotion__chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 28}`}
        role="img"
        aria-label={`Emotion across the stages: ${summary}`}
      >
        <line className="briefing-emotion__zero" x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} />
        <path className="briefing-emotion__line" d={path} />
        {scored.map(({ point, index }) => (
          <circle
            key={point.stageId}
            className={`briefing-emotion__point${lowIds.has(point.stageId) ? ' briefing-emotion__point--low' : ''}`}
            cx={x(index)}
            cy={y(point.score)}
            r={lowIds.has(point.stageId) ? 6 : 4}
          />
        ))}
        {points.map((point, index) => (
          <text
            key={point.stageId}
            className="briefing-emotion__label"
            x={x(index)}
            y={HEIGHT + 18}
            textAnchor="middle"
          >
            {point.stageTitle.length > 14 ? `${point.stageTitle.slice(0, 13)}…` : point.stageTitle}
          </text>
        ))}
      </svg>
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
