import { useLayoutEffect, type KeyboardEventHandler, type ReactNode, type RefObject } from 'react';
import { useAnchoredPopup, type Anchoring } from './use-anchored-popup.ts';

/** The "⋯" buttons sit at the right of a card or a stage: the menu hangs from that edge. */
const BESIDE_BUTTON: Anchoring = { placement: 'bottom-end', gap: 4 };

/** The open menu of a menu button (`useMenu`): its items, with the menu's keys. */
export function MenuPopup({
  menuRef,
  onKeyDown,
  label,
  anchorRef,
  anchoring = BESIDE_BUTTON,
  className,
  children,
}: {
  /** `useMenu`'s `menuRef` and `onMenuKeyDown`. */
  menuRef: RefObject<HTMLDivElement | null>;
  onKeyDown: KeyboardEventHandler<HTMLDivElement>;
  label: string;
  /**
   * The menu's button: the menu then opens in the top layer beside it, inside
   * the window, over everything else (`useAnchoredPopup`). Without it, the
   * menu is placed by its `className`.
   */
  anchorRef?: RefObject<HTMLElement | null>;
  /** Where beside `anchorRef` (a constant): under it, right edges lined up, unless told. */
  anchoring?: Anchoring;
  /** Placement and size, beside `.menu` (card.css). */
  className?: string;
  children: ReactNode;
}) {
  // Its keys and dismissal are `useMenu`'s, hence a `manual` popover, open while it is mounted.
  useLayoutEffect(() => {
    if (anchorRef) menuRef.current?.showPopover?.();
  }, [menuRef, anchorRef]);
  useAnchoredPopup(menuRef, anchorRef, anchoring);
  return (
    <div
      ref={menuRef}
      className={className ? `menu ${className}` : 'menu'}
      role="menu"
      aria-label={label}
      popover={anchorRef ? 'manual' : undefined}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}

/** One action in a `MenuPopup`. */
export function MenuItem({
  onClick,
  className,
  children,
}: {
  onClick: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className={className ? `menu__item ${className}` : 'menu__item'}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
