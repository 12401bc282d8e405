import { useLayoutEffect, type RefObject } from 'react';
import { placeMenu } from './menu-placement.ts';

/**
 * Shows an open menu (a `popover="manual"` element) in the top layer beside
 * its button, and keeps it there while anything scrolls or the window
 * resizes. In the top layer nothing on the page covers it — a card's byline
 * tooltip, a sticky stage header — and no scroller clips it; where it goes is
 * `placeMenu`'s choice, so a card's menu near the bottom of the window opens
 * upwards instead of running off the screen. The menu stays in its button's
 * DOM (focus and pointer events are still the card's or the stage's); the
 * menu's own keys and dismissal are `useMenu`'s, so the popover is `manual`.
 * No anchor: nothing to do.
 */
export function useMenuBesideButton(
  menuRef: RefObject<HTMLElement | null>,
  anchorRef: RefObject<HTMLElement | null> | undefined,
): void {
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const button = anchorRef?.current;
    if (!menu || !button) return;
    // happy-dom (the component tests) has no popover API; the menu is then laid out in place.
    menu.showPopover?.();
    let frame = 0;
    const place = () => {
      frame = 0;
      menu.style.maxHeight = '';
      const natural = menu.getBoundingClientRect();
      // Inside the zoomed board the menu is drawn at the board's zoom: its CSS pixels are
      // that many screen pixels.
      const scale = menu.offsetWidth > 0 ? natural.width / menu.offsetWidth : 1;
      const view = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
      const placement = placeMenu(button.getBoundingClientRect(), natural, view);
      menu.style.top = `${placement.top / scale}px`;
      menu.style.left = `${placement.left / scale}px`;
      if (placement.maxHeight !== undefined) {
        menu.style.maxHeight = `${placement.maxHeight / scale}px`;
      }
      menu.dataset.side = placement.side;
    };
    const placeNextFrame = () => {
      if (frame === 0) frame = requestAnimationFrame(place);
    };
    place();
    window.addEventListener('scroll', placeNextFrame, { capture: true, passive: true });
    window.addEventListener('resize', placeNextFrame);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', placeNextFrame, { capture: true });
      window.removeEventListener('resize', placeNextFrame);
    };
  }, [menuRef, anchorRef]);
}
