import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface Menu {
  readonly open: boolean;
  readonly setOpen: (open: boolean) => void;
  readonly toggle: () => void;
  /** Closes the menu and gives the focus back to its button. */
  readonly close: () => void;
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  readonly menuRef: RefObject<HTMLDivElement | null>;
  /** For the menu element: arrow keys move through the items, Escape closes, Tab leaves. */
  readonly onMenuKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

const ITEMS = '[role^="menuitem"]';

/** A printable character typed on its own (no Ctrl/Cmd/Alt): a letter to jump to. */
const isTypeAhead = (event: KeyboardEvent<HTMLDivElement>) =>
  event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;

/**
 * A menu button's behaviour (WAI-ARIA menu button): opening focuses the first
 * item; arrow keys move through the items, wrapping; a letter moves to the
 * next item starting with it; Escape closes and returns the focus to the
 * button; Tab or a press outside closes.
 */
export function useMenu(): Menu {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>(ITEMS)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
      event.preventDefault();
      focusAt(index + 1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
      event.preventDefault();
      focusAt(index - 1);
    } else if (event.key === 'Tab') {
      setOpen(false);
    } else if (isTypeAhead(event)) {
      // WAI-ARIA type-ahead: the next item whose words start with that letter (a long list of names).
      const letter = event.key.toLocaleLowerCase();
      const next = [...items.slice(index + 1), ...items.slice(0, index + 1)].find((item) =>
        item.textContent?.trim().toLocaleLowerCase().startsWith(letter),
      );
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  };

  return {
    open,
    setOpen,
    toggle: () => setOpen((value) => !value),
    close,
    buttonRef,
    menuRef,
    onMenuKeyDown,
  };
}
