import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { useUiStore } from '../../state/ui-store.ts';
import { CARD_SELECTOR } from './cell-dom.ts';
import { isTextField } from './use-undo-shortcuts.ts';

export interface SelectionBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Where a press starts a selection box: the board's empty space, never a card or a control. */
function isEmptySpace(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (
    target.closest(
      '[data-card-id], button, input, select, textarea, a, svg, .lane-title, .stage-header, .board-row--header, .board-shield',
    )
  ) {
    return false;
  }
  return target.closest('.board-scroll') !== null;
}

const intersects = (box: SelectionBox, rect: DOMRect) =>
  rect.left < box.left + box.width &&
  rect.right > box.left &&
  rect.top < box.top + box.height &&
  rect.bottom > box.top;

/**
 * Pointer gestures on the canvas itself: hold Space (or the middle button)
 * and drag to pan; drag on empty space to draw a selection box (Shift adds
 * to the selection); a plain click on empty space clears the selection.
 * Without `selectable` (outside the editor) it only pans.
 */
export function useCanvasPointer(
  scrollerRef: RefObject<HTMLDivElement | null>,
  { selectable }: { selectable: boolean },
) {
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);
  const [box, setBox] = useState<SelectionBox | null>(null);
  const gesture = useRef<
    | { kind: 'pan'; x: number; y: number; left: number; top: number }
    | { kind: 'box'; x: number; y: number; additive: boolean; moved: boolean }
    | null
  >(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'Space' || event.repeat || isTextField(event.target)) return;
      // Space still presses a focused button; it pans only from the canvas or the page.
      if (
        event.target instanceof HTMLElement &&
        event.target.closest('button, select, [role="menu"]')
      )
        return;
      event.preventDefault();
      setSpaceHeld(true);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.code === 'Space') setSpaceHeld(false);
    };
    const onBlur = () => setSpaceHeld(false);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, []);

  // Runs in the capture phase so a pan never starts a card drag underneath.
  const onPointerDownCapture = (event: PointerEvent<HTMLDivElement>) => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    if (spaceHeld || event.button === 1) {
      event.preventDefault();
      event.stopPropagation();
      scroller.setPointerCapture(event.pointerId);
      gesture.current = {
        kind: 'pan',
        x: event.clientX,
        y: event.clientY,
        left: scroller.scrollLeft,
        top: scroller.scrollTop,
      };
      setPanning(true);
      return;
    }
    if (selectable && event.button === 0 && isEmptySpace(event.target)) {
      scroller.setPointerCapture(event.pointerId);
      gesture.current = {
        kind: 'box',
        x: event.clientX,
        y: event.clientY,
        additive: event.shiftKey,
        moved: false,
      };
    }
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = gesture.current;
    const scroller = scrollerRef.current;
    if (!current || !scroller) return;
    if (current.kind === 'pan') {
      scroller.scrollLeft = current.left - (event.clientX - current.x);
      scroller.scrollTop = current.top - (event.clientY - current.y);
      return;
    }
    const width = Math.abs(event.clientX - current.x);
    const height = Math.abs(event.clientY - current.y);
    if (!current.moved && width + height < 5) return;
    current.moved = true;
    setBox({
      left: Math.min(event.clientX, current.x),
      top: Math.min(event.clientY, current.y),
      width,
      height,
    });
  };

  const onPointerUp = () => {
    const current = gesture.current;
    gesture.current = null;
    setPanning(false);
    if (current?.kind !== 'box') return;
    const { selectCards, clearSelection, selectedCardIds } = useUiStore.getState();
    if (!current.moved || !box) {
      if (!current.additive) clearSelection();
      setBox(null);
      return;
    }
    const hits = new Set(current.additive ? selectedCardIds : []);
    // Measured once, on release: cheap even with thousands of cards.
    for (const card of scrollerRef.current?.querySelectorAll<HTMLElement>(CARD_SELECTOR) ?? []) {
      const id = card.dataset.cardId;
      if (id && intersects(box, card.getBoundingClientRect())) hits.add(id);
    }
    selectCards(hits);
    setBox(null);
  };

  return {
    box,
    spaceHeld,
    panning,
    handlers: { onPointerDownCapture, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
