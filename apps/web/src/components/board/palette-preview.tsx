import { laneKindOf } from '@journeyboard/shared/board';
import type { LaneKind } from '../../board/use-board.ts';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import './card.css';
import './palette.css';

/** What follows the pointer while a card type is dragged from the palette. */
export function PalettePreview({ kind }: { kind: LaneKind }) {
  const entry = laneKindOf(kind);
  const name = entry.holds === 'cards' ? entry.cardLabel : entry.label;
  return (
    <div className={`card card--overlay card--palette ${laneColorClass(kind)}`} aria-hidden="true">
      <div className="card__text card__text--empty">New {name.toLowerCase()}</div>
    </div>
  );
}
