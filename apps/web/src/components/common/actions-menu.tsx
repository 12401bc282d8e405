import type { ReactNode } from 'react';
import { MoreIcon } from './icons.tsx';
import { MenuButton, type RunFromMenu } from './menu-button.tsx';

export type { RunFromMenu } from './menu-button.tsx';

/**
 * An item's "⋯" menu — a card's, a stage's (`MenuButton`). Pointer presses
 * on it don't reach the item's drag handlers.
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
  return (
    <div className={className} onPointerDown={(event) => event.stopPropagation()}>
      <MenuButton
        content={<MoreIcon />}
        buttonClassName={buttonClassName ? `icon-button ${buttonClassName}` : 'icon-button'}
        label={label}
        describedBy={describedBy}
        menuLabel={menuLabel}
      >
        {children}
      </MenuButton>
    </div>
  );
}
