import type { PaletteKind } from './drag-data.ts';
import { PALETTE_LABELS } from './palette-kinds.ts';

/** What follows the pointer while a card type is dragged from the palette. */
export function PalettePreview({ kind }: { kind: PaletteKind }) {
  return (
    <div className={`card card--overlay card--palette lane-kind--${kind}`} aria-hidden="true">
      <div className="card__text card__text--empty">New {PALETTE_LABELS[kind].toLowerCase()}</div>
    </div>
  );
}
