import { useCard, useLane } from '../../board/use-board.ts';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import './card.css';

/** What follows the pointer while a card is dragged (the original stays in place, dimmed). */
export function CardPreview({ cardId }: { cardId: string }) {
  const card = useCard(cardId);
  // The overlay lives outside the lane's row, so it takes the lane colour itself.
  const lane = useLane(card?.laneId ?? '');
  if (!card) return null;
  const isEmpty = card.text.trim() === '';
  return (
    <div
      className={`card card--overlay ${laneColorClass(lane?.kind ?? 'notes')}`}
      aria-hidden="true"
    >
      <div className={`card__text${isEmpty ? ' card__text--empty' : ''}`}>
        {isEmpty ? 'Empty card' : card.text}
      </div>
    </div>
  );
}
