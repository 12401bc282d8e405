import { useDraggable } from '@dnd-kit/core';
import { CARD_LANE_KINDS, type CardLaneKind } from '@journeyboard/shared/board';
import { useEffect, useMemo, useRef, type PointerEventHandler } from 'react';
import type { LaneKind } from '../../board/use-board.ts';
import { LaneKindIcon } from '../lane-kinds/lane-kind-icon.tsx';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import { paletteDraggableId, type PaletteDragData } from './drag-data.ts';
import { useLabelsFit } from './use-labels-fit.ts';
import { usePickCardType } from './use-pick-card-type.ts';
import './palette.css';

function PaletteItem({
  entry,
  labelled,
  onPick,
}: {
  entry: CardLaneKind<LaneKind>;
  /** The type's name beside its icon; without it the icon alone, named by its tooltip. */
  labelled: boolean;
  /** Clicked rather than dragged (dnd-kit starts a drag only after 4 px). */
  onPick: (entry: CardLaneKind<LaneKind>) => void;
}) {
  const { kind } = entry;
  const data = useMemo<PaletteDragData>(() => ({ type: 'palette', kind }), [kind]);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: paletteDraggableId(kind),
    data,
  });
  // Not dnd-kit's keyboard instructions: the item never takes focus (see tabIndex below).
  const { 'aria-describedby': _keyboardInstructions, ...itemAttributes } = attributes;
  // dnd-kit makes the draggable a button; a list item may not be one, so it sits inside.
  return (
    <li className="palette__slot">
      <div
        ref={setNodeRef}
        className={[
          'palette__item',
          laneColorClass(kind),
          labelled ? '' : 'palette__item--icon',
          isDragging ? 'palette__item--dragging' : '',
        ].join(' ')}
        data-testid="palette-item"
        data-kind={kind}
        {...itemAttributes}
        // Pointer only: keyboard users add cards with each cell's "Add card" button or N
        // (a card of the lane's kind; a note dropped on a lane is the same card).
        tabIndex={-1}
        aria-roledescription="card type"
        aria-label={`${entry.cardLabel} card`}
        title={labelled ? entry.description : `${entry.cardLabel}: ${entry.description}`}
        onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
        onClick={() => onPick(entry)}
      >
        <LaneKindIcon kind={kind} size={labelled ? 14 : 16} />
        {labelled ? entry.cardLabel : null}
      </div>
    </li>
  );
}

/**
 * Card types to drag onto the board: every lane kind that holds cards. Each
 * goes into a lane of its own kind (a note fits any card lane); other cells
 * do not light up while it is dragged. Where the row of names doesn't fit (a
 * side panel open on a laptop), every type shows as its icon, named by its
 * tooltip and to screen readers, rather than the last ones cut off.
 */
export function CardPalette() {
  const listRef = useRef<HTMLUListElement>(null);
  const labelled = useLabelsFit(listRef);
  const { pick, notice } = usePickCardType();
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    // A mouse wheel scrolls the row sideways when even the icons don't fit: only trackpads
    // scroll sideways by themselves.
    const onWheel = (event: WheelEvent) => {
      const overflowing = list.scrollWidth > list.clientWidth;
      if (!overflowing || Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return;
      event.preventDefault();
      list.scrollLeft += event.deltaY;
    };
    list.addEventListener('wheel', onWheel, { passive: false });
    return () => list.removeEventListener('wheel', onWheel);
  }, []);
  return (
    <div
      className="palette"
      role="group"
      aria-label="Card palette: drag a card type onto a cell, or click it to add one where you are (with the keyboard: N in a cell)"
    >
      <span className="palette__label">Drag to add</span>
      <ul ref={listRef} className="palette__list">
        {CARD_LANE_KINDS.map((entry) => (
          <PaletteItem key={entry.kind} entry={entry} labelled={labelled} onPick={pick} />
        ))}
      </ul>
      <span className="palette__notice" role="status">
        {notice}
      </span>
    </div>
  );
}
