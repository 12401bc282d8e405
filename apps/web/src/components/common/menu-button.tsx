import type { ReactNode } from 'react';
import { MenuPopup } from './menu-popup.tsx';
import { useMenu } from './use-menu.ts';
import type { Anchoring } from './use-anchored-popup.ts';

/** Closes the menu, focus back on its button, then does `fn` (which may move focus on). */
export type RunFromMenu = (fn: () => void) => () => void;

interface MenuButtonProps {
  /** What the button shows: an icon, or an icon and its words. */
  content: ReactNode;
  buttonClassName: string;
  /** The button's name when `content` has no words ("Locks", "Actions for stage Purchase"). */
  label?: string;
  title?: string;
  /** The id of what says which item this is (a card's text), read after the name. */
  describedBy?: string;
  /** An action the menu started is still running: the button waits. */
  busy?: boolean;
  /** When the menu opens: a chance to start loading what its items need. */
  onOpen?: () => void;
  menuLabel: string;
  menuClassName?: string;
  /** Where the menu hangs from the button (MenuPopup's default: under it, right edges lined up). */
  anchoring?: Anchoring;
  /** The items; each acts through `run`. */
  children: (run: RunFromMenu) => ReactNode;
}

/**
 * A menu button (WAI-ARIA, `useMenu`): the button, and while open its menu
 * hanging from it in the top layer (`MenuPopup`). Arrow keys move through
 * the items, Escape or a press elsewhere closes, and an item acting through
 * `run` leaves a keyboard user back on the button — unless the action takes
 * the focus elsewhere (an editor, a panel, a dialog).
 */
export function MenuButton({
  content,
  buttonClassName,
  label,
  title,
  describedBy,
  busy = false,
  onOpen,
  menuLabel,
  menuClassName,
  anchoring,
  children,
}: MenuButtonProps) {
  const { open, setOpen, close, buttonRef, menuRef, onMenuKeyDown } = useMenu();
  const run: RunFromMenu = (fn) => () => {
    close();
    fn();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-label={label}
        title={title}
        aria-describedby={describedBy}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {content}
      </button>
      {open ? (
        <MenuPopup
          menuRef={menuRef}
          onKeyDown={onMenuKeyDown}
          label={menuLabel}
          anchorRef={buttonRef}
          anchoring={anchoring}
          className={menuClassName}
        >
          {children(run)}
        </MenuPopup>
      ) : null}
    </>
  );
}
