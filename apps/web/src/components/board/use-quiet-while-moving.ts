import { useEffect, type RefObject } from 'react';

/** The shield goes once no wheel event came for this long. */
export const MOVING_REST_MS = 200;

/**
 * While the wheel or a trackpad moves the board under a pointer that stays
 * put (scrolling, a zoom gesture), the pointer keeps landing on other cards,
 * and each hover mounts a card's tools (a React render), restyles and
 * re-lays out that card and repaints the board: at 1,000 cards that was most
 * of a pan frame (issue #14). So while the wheel turns, a transparent shield
 * over the board (`.board-shield`, board-view.css) takes the pointer: one
 * element shows and hides. (Turning the board's `pointer-events` off instead
 * restyled and repainted every card each time — slower than the hovers.)
 * Wheel events on the shield still scroll and zoom: it is inside the
 * scroller. It goes once the wheel rests, and at once when the pointer moves
 * or a button is pressed, so a click is never lost to a board that has
 * stopped. Touch scrolling never shows it (no hover there, and a tap right
 * after a fling must reach the card); nor does anything while a button is
 * held (a card drag, a selection box, Space + drag).
 */
export function useQuietWhileMoving(
  scrollerRef: RefObject<HTMLElement | null>,
  shieldRef: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const scroller = scrollerRef.current;
    const shield = shieldRef.current;
    if (!scroller || !shield) return;
    let timer: number | null = null;
    let pressed = false;
    const rest = () => {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      if (!shield.hidden) shield.hidden = true;
    };
    const onMoving = () => {
      if (pressed) return;
      if (shield.hidden) shield.hidden = false;
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(rest, MOVING_REST_MS);
    };
    const onPointerMove = () => {
      if (!shield.hidden) rest();
    };
    const onPointerDown = () => {
      pressed = true;
      rest();
    };
    const onPointerUp = () => {
      pressed = false;
    };
    scroller.addEventListener('wheel', onMoving, { passive: true });
    scroller.addEventListener('gesturechange', onMoving);
    window.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
    window.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
    window.addEventListener('pointerup', onPointerUp, { capture: true, passive: true });
    window.addEventListener('pointercancel', onPointerUp, { capture: true, passive: true });
    window.addEventListener('blur', onPointerUp);
    return () => {
      rest();
      scroller.removeEventListener('wheel', onMoving);
      scroller.removeEventListener('gesturechange', onMoving);
      window.removeEventListener('pointermove', onPointerMove, { capture: true });
      window.removeEventListener('pointerdown', onPointerDown, { capture: true });
      window.removeEventListener('pointerup', onPointerUp, { capture: true });
      window.removeEventListener('pointercancel', onPointerUp, { capture: true });
      window.removeEventListener('blur', onPointerUp);
    };
  }, [scrollerRef, shieldRef]);
}
