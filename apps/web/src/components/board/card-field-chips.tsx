import type { Card, LaneKind } from '../../board/use-board.ts';
import { CHANNEL_LABELS, LEVEL_LABELS } from './card-field-labels.ts';

/** "42%", "3.9/5", "6 days": symbols stick to the number, words get a space. */
function formatWithUnit(value: string, unit: string): string {
  if (!unit) return value;
  return /^[%/°€$£]/.test(unit) ? `${value}${unit}` : `${value} ${unit}`;
}

/** Three dots, `level` of them filled: a glanceable 1–3 scale. */
function LevelDots({ level }: { level: number }) {
  return (
    <span className="level-dots" aria-hidden="true">
      {[1, 2, 3].map((dot) => (
        <span
          key={dot}
          className={dot <= level ? 'level-dots__dot level-dots__dot--on' : 'level-dots__dot'}
        />
      ))}
    </span>
  );
}

/**
 * The fields of a card that its lane's kind uses, as small labels under the
 * text: channel, severity, impact/effort, owner or metric values. Renders
 * nothing when none is set.
 */
export function CardFieldChips({ card, laneKind }: { card: Card; laneKind: LaneKind }) {
  const chips: React.ReactNode[] = [];
  if (laneKind === 'touchpoint' && card.channel) {
    chips.push(
      <span key="channel" className={`chip chip--channel chip--channel-${card.channel}`}>
        {CHANNEL_LABELS[card.channel]}
      </span>,
    );
  }
  if (laneKind === 'pain' && card.severity) {
    chips.push(
      <span key="severity" className={`chip chip--severity-${card.severity}`}>
        <LevelDots level={card.severity} />
        {LEVEL_LABELS[card.severity]} severity
      </span>,
    );
  }
  if (laneKind === 'opportunity' && (card.impact || card.effort)) {
    if (card.impact === 3 && card.effort === 1) {
      chips.push(
        <span key="quick-win" className="chip chip--quick-win">
          Quick win
        </span>,
      );
    }
    if (card.impact) {
      chips.push(
        <span key="impact" className="chip">
          <LevelDots level={card.impact} />
          Impact {LEVEL_LABELS[card.impact].toLowerCase()}
        </span>,
      );
    }
    if (card.effort) {
      chips.push(
        <span key="effort" className="chip">
          <LevelDots level={card.effort} />
          Effort {LEVEL_LABELS[card.effort].toLowerCase()}
        </span>,
      );
    }
  }
  if (laneKind === 'backstage' && card.owner) {
    chips.push(
      <span key="owner" className="chip chip--owner">
        Owner: {card.owner}
      </span>,
    );
  }
  if (laneKind === 'metric' && (card.metricName || card.metricCurrent || card.metricTarget)) {
    const withUnit = (value: string) => formatWithUnit(value, card.metricUnit);
    chips.push(
      <span key="metric" className="chip chip--metric">
        {card.metricName ? <strong className="chip__metric-name">{card.metricName}</strong> : null}
        <span>
          {card.metricCurrent ? withUnit(card.metricCurrent) : '—'}
          {card.metricTarget ? ` → ${withUnit(card.metricTarget)} target` : ''}
        </span>
      </span>,
    );
  }
  if (chips.length === 0) return null;
  return <div className="card__chips">{chips}</div>;
}
