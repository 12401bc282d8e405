import { cardChips, type Chip } from '@journeyboard/shared/board';
import type { Card, LaneKind } from '../../board/use-board.ts';
import './lane-kinds.css';

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

function ChipView({ chip }: { chip: Chip }) {
  const className = [
    'chip',
    chip.tone && chip.tone !== 'neutral' ? `chip--${chip.tone}` : '',
    chip.title ? 'chip--titled' : '',
  ].join(' ');
  if (chip.title) {
    return (
      <span className={className}>
        <strong className="chip__title">{chip.title}</strong>
        <span>{chip.text}</span>
      </span>
    );
  }
  return (
    <span className={className}>
      {chip.level ? <LevelDots level={chip.level} /> : null}
      {chip.text}
    </span>
  );
}

/**
 * The fields of a card that its lane's kind uses, as small labels under the
 * text (the kind's `chips`: channel, severity, impact/effort, owner, metric
 * values). Renders nothing when none is set.
 */
export function CardFieldChips({ card, laneKind }: { card: Card; laneKind: LaneKind }) {
  const chips = cardChips(laneKind, card);
  if (chips.length === 0 && !card.addedBy) return null;
  return (
    <div className="card__chips">
      {chips.map((chip) => (
        <ChipView key={chip.text} chip={chip} />
      ))}
      {/* Who wrote it, kept by a silent brainstorm's reveal with names: on every lane kind. */}
      {card.addedBy ? <span className="chip chip--author">by {card.addedBy}</span> : null}
    </div>
  );
}
