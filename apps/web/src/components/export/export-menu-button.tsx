import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DownloadIcon } from '../common/icons.tsx';
import './export-menu.css';

export interface ExportItem {
  readonly label: string;
  readonly run: () => Promise<void> | void;
}

/**
 * An icon button (a download arrow) that opens a menu of exports; runs the
 * chosen one, disabled while it runs, and says so if it fails. Arrow keys
 * move through the items, Escape closes and returns focus to the button.
 */
export function ExportMenuButton({
  label,
  items,
  onOpen,
}: {
  label: string;
  items: readonly ExportItem[];
  /** When the menu opens: a chance to start loading what its items need. */
  onOpen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const run = async (item: ExportItem) => {
    setOpen(false);
    setBusy(true);
    setProblem(null);
    try {
      await item.run();
    } catch (error) {
      setProblem(`${item.label} failed: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const elements = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
    ];
    const index = elements.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => elements[(next + elements.length) % elements.length]?.focus();
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusAt(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusAt(index - 1);
    }
  };

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button export-menu__button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy}
        disabled={busy}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        <DownloadIcon />
      </button>
      {open ? (
        <div
          ref={menuRef}
          className="menu export-menu__list"
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className="menu__item"
              onClick={() => void run(item)}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
      {problem ? (
        <p className="export-menu__problem" role="alert">
          {problem}{' '}
          <button type="button" className="button button--ghost" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}
