import type { ReactNode } from 'react';
import { CheckIcon } from './icons.tsx';

/**
 * A menu item that is on or off (`menuitemcheckbox`), with a visible check
 * mark when on: the state must show without a screen reader too.
 */
export function MenuCheckbox({
  checked,
  icon,
  onClick,
  children,
}: {
  checked: boolean;
  icon: ReactNode;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="menuitemcheckbox"
      aria-checked={checked}
      className="menu__item"
      onClick={onClick}
    >
      {icon}
      <span className="menu__label">{children}</span>
      {checked ? (
        <span className="menu__check" data-testid="menu-check">
          <CheckIcon />
        </span>
      ) : null}
    </button>
  );
}
