import { memo, useState } from 'react';
import { useCard, type LaneKind } from '../../board/use-board.ts';
import { StarIcon } from '../common/icons.tsx';
import { StaticCommentTools } from '../comments/comment-badge.tsx';
import { CardFieldChips } from '../lane-kinds/card-field-chips.tsx';
import { useBoardHasTools } from './board-mode.ts';
import { ChangeMarkLabel, changeMarkClass, useChangeMark } from './change-marks.tsx';
import { CardVotes } from '../workshop/card-votes.tsx';
import { useLocks } from '../../workshop/lock-context.tsx';
import { LockBadge } from '../workshop/lock-controls.tsx';
import { EvidenceMarker } from '../evidence/evidence-marker.tsx';
import { CardBylineTooltip } from '../history/card-byline.tsx';
import './card.css';

/**
 * A card as it looks in the read-only and presentation modes: the same note,
 * colour, moment of truth, chips and evidence mark as in the editor, with nothing that edits
 * or drags it (comments stay, when this viewer may see them: StaticCommentTools).
 */
export const StaticCard = memo(function StaticCard({
  cardId,
  laneKind,
}: {
  cardId: string;
  laneKind: LaneKind;
}) {
  const card = useCard(cardId);
  // Presented (for the room: a comment panel would open behind the slides) or printed: no tools.
  const bare = !useBoardHasTools();
  const change = useChangeMark('cards', cardId);
  const { all } = useLocks();
  // Who made it, on hover or focus (not presented or printed).
  const [pointedAt, setPointedAt] = useState(false);
  if (!card) return null;
  const locked = all.cardLocked(card);
  const isEmpty = card.text.trim() === '';
  return (
    <li
      className={`card card--static card--color-${card.color}${card.momentOfTruth ? ' card--moment' : ''}${locked && !bare ? ' card--locked' : ''}${changeMarkClass(change, 'card')}`}
      data-testid="card"
      data-card-id={cardId}
      data-change={change?.mark}
      data-evidence={card.evidence ?? undefined}
      aria-label={isEmpty ? 'Empty card' : card.text}
      aria-describedby={pointedAt && !bare ? `card-byline-${cardId}` : undefined}
      onPointerEnter={() => setPointedAt(true)}
      onPointerLeave={() => setPointedAt(false)}
      onFocus={() => setPointedAt(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setPointedAt(false);
      }}
    >
      <div className="card__body">
        {change ? <ChangeMarkLabel mark={change.mark} /> : null}
        {locked && !bare ? <LockBadge label="Locked card" /> : null}
        {card.momentOfTruth ? <CardMoment /> : null}
        <p className={`card__text${isEmpty ? ' card__text--empty' : ''}`}>
          {isEmpty ? 'Empty card' : card.text}
        </p>
        <CardFieldChips card={card} laneKind={laneKind} />
        <CardVotes cardId={cardId} laneId={card.laneId} laneKind={laneKind} label={card.text} />
        <EvidenceMarker level={card.evidence} />
      </div>
      <StaticCommentTools kind="card" id={cardId} label="Comment on card" />
      {pointedAt && !bare ? (
        <CardBylineTooltip cardId={cardId} id={`card-byline-${cardId}`} />
      ) : null}
    </li>
  );
});

/** The "Moment of truth" label at the top of a card. */
export function CardMoment() {
  return (
    <span className="card__moment" title="Moment of truth">
      <StarIcon size={12} filled />
      Moment of truth
    </span>
  );
}
