import type { CSSProperties, KeyboardEventHandler, ReactNode, RefObject } from 'react';

/** The open menu of a menu button (`useMenu`): its items, with the menu's keys. */
export function MenuPopup({
  menuRef,
  onKeyDown,
  label,
  className,
  style,
  children,
}: {
  /** `useMenu`'s `menuRef` and `onMenuKeyDown`. */
  menuRef: RefObject<HTMLDivElement | null>;
  onKeyDown: KeyboardEventHandler<HTMLDivElement>;
  label: string;
  /** Placement and size, beside `.menu` (card.css). */
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <div
      ref={menuRef}
      style={style}
      className={className ? `menu ${className}` : 'menu'}
      role="menu"
      aria-label={label}
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
