import type { ReactNode } from 'react';
import { MoreIcon } from './icons.tsx';
import { MenuPopup } from './menu-popup.tsx';
import { useMenu } from './use-menu.ts';

/** Closes the menu, focus back on its button, then does `fn` (which may move focus on). */
export type RunFromMenu = (fn: () => void) => () => void;

/**
 * An item's "⋯" menu — a card's, a stage's: the button, and while open the
 * items `children` returns. Each item acts through `run`: a keyboard user is
 * back on the button afterwards, unless the action takes focus elsewhere (an
 * editor, the comment panel, a dialog). Pointer presses on it don't reach the
 * item's drag handlers.
 */
export function ActionsMenu({
  label,
  describedBy,
  menuLabel,
  className,
  buttonClassName,
  children,
}: {
  /** The button's name, e.g. "Actions for stage Purchase". */
  label: string;
  /** The id of what says which item this is (a card's text), read after the name. */
  describedBy?: string;
  menuLabel: string;
  className: string;
  buttonClassName?: string;
  children: (run: RunFromMenu) => ReactNode;
}) {
  const { open, close, toggle, buttonRef, menuRef, onMenuKeyDown } = useMenu();
  const run: RunFromMenu = (fn) => () => {
    close();
    fn();
  };
  return (
    <div className={className} onPointerDown={(event) => event.stopPropagation()}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName ? `icon-button ${buttonClassName}` : 'icon-button'}
        aria-label={label}
        aria-describedby={describedBy}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={toggle}
      >
        <MoreIcon />
      </button>
      {open ? (
        <MenuPopup
          menuRef={menuRef}
          anchorRef={buttonRef}
          onKeyDown={onMenuKeyDown}
          label={menuLabel}
        >
          {children(run)}
        </MenuPopup>
      ) : null}
    </div>
  );
}
