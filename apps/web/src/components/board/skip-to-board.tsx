import type { MouseEvent } from 'react';
import { findBoardElement } from './cell-dom.ts';

/**
 * The page's first stop for the keyboard, shown only when focused: straight
 * to the board's first card or "Add card", past the header and the tools
 * (some 80 Tab presses on a template board otherwise).
 */
export function SkipToBoard() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // Not a route: the address stays as it is.
    event.preventDefault();
    const first = findBoardElement()?.querySelector<HTMLElement>('[data-nav]');
    first?.focus();
    first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  return (
    <a href="#board" className="skip-link" onClick={skip}>
      Skip to the board
    </a>
  );
}
