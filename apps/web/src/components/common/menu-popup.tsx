import type { CSSProperties, KeyboardEventHandler, ReactNode, RefObject } from 'react';
import { useMenuBesideButton } from './use-menu-beside-button.ts';

/** The open menu of a menu button (`useMenu`): its items, with the menu's keys. */
export function MenuPopup({
  menuRef,
  onKeyDown,
  label,
  anchorRef,
  className,
  style,
  children,
}: {
  /** `useMenu`'s `menuRef` and `onMenuKeyDown`. */
  menuRef: RefObject<HTMLDivElement | null>;
  onKeyDown: KeyboardEventHandler<HTMLDivElement>;
  label: string;
  /**
   * The menu's button: the menu then opens in the top layer beside it, inside
   * the window, over everything else (`useMenuBesideButton`). Without it, the
   * menu is placed by its `className`.
   */
  anchorRef?: RefObject<HTMLElement | null>;
  /** Placement and size, beside `.menu` (card.css). */
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  useMenuBesideButton(menuRef, anchorRef);
  return (
    <div
      ref={menuRef}
      style={style}
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
