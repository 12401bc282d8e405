/** A rectangle on screen, in CSS pixels of the window. */
export interface ScreenBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Where an open menu goes, on screen: `maxHeight` only when it must scroll inside. */
export interface MenuPlacement {
  readonly top: number;
  readonly left: number;
  readonly maxHeight: number | undefined;
  readonly side: 'below' | 'above';
}

/** Between the button and its menu. */
const GAP = 4;
/** Kept free between a menu and the window's edge. */
const MARGIN = 8;

/**
 * A menu under its button, its right edge on the button's (where the "⋯"
 * buttons sit, at the right of a card or a stage); above the button when it
 * fits there and not below, as for a card near the bottom of the window; when
 * it fits on neither side, on the roomier one, scrolling inside. Never past
 * the window's left or right edge.
 */
export function placeMenu(
  button: ScreenBox,
  menu: { readonly width: number; readonly height: number },
  view: ScreenBox,
): MenuPlacement {
  const roomBelow = view.bottom - MARGIN - (button.bottom + GAP);
  const roomAbove = button.top - GAP - (view.top + MARGIN);
  const side =
    menu.height <= roomBelow || (menu.height > roomAbove && roomBelow >= roomAbove)
      ? 'below'
      : 'above';
  const room = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(menu.height, room);
  const top = side === 'below' ? button.bottom + GAP : button.top - GAP - height;
  const farthestLeft = view.right - MARGIN - menu.width;
  const left = Math.max(view.left + MARGIN, Math.min(button.right - menu.width, farthestLeft));
  return { top, left, maxHeight: menu.height > room ? room : undefined, side };
}
