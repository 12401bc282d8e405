import { useDraggable } from '@dnd-kit/core';
import { useMemo, type PointerEventHandler } from 'react';
import { paletteDraggableId, type PaletteDragData, type PaletteKind } from './drag-data.ts';
import { PALETTE_KINDS, PALETTE_LABELS } from './palette-kinds.ts';

function PaletteItem({ kind }: { kind: PaletteKind }) {
  const data = useMemo<PaletteDragData>(() => ({ type: 'palette', kind }), [kind]);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: paletteDraggableId(kind),
    data,
  });
  return (
    <li
      ref={setNodeRef}
      className={`palette__item lane-kind--${kind}${isDragging ? ' palette__item--dragging' : ''}`}
      data-testid="palette-item"
      data-kind={kind}
      {...attributes}
      // Pointer only: keyboard users add cards with each cell's "Add card" button.
      tabIndex={-1}
      aria-roledescription="card type"
      aria-label={`${PALETTE_LABELS[kind]} card`}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <span className="palette__swatch" aria-hidden="true" />
      {PALETTE_LABELS[kind]}
    </li>
  );
}

/**
 * Card types to drag onto the board. Each goes into a lane of its own kind
 * (a note fits any card lane); other cells do not light up while it is
 * dragged.
 */
export function CardPalette() {
  return (
    <div className="palette" role="group" aria-label="Card palette: drag a card type onto a cell">
      <span className="palette__label">Drag to add</span>
      <ul className="palette__list">
        {PALETTE_KINDS.map((kind) => (
          <PaletteItem key={kind} kind={kind} />
        ))}
      </ul>
    </div>
  );
}
