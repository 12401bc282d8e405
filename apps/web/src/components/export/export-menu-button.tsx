import { useState } from 'react';
import { DownloadIcon } from '../common/icons.tsx';
import { MenuItem, MenuPopup } from '../common/menu-popup.tsx';
import { useMenu } from '../common/use-menu.ts';
import './export-menu.css';

export interface ExportItem {
  readonly label: string;
  readonly run: () => Promise<void> | void;
}

/**
 * An icon button (a download arrow) that opens a menu of exports; runs the
 * chosen one, disabled while it runs, and says so if it fails (keys:
 * use-menu.ts).
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
  const { open, setOpen, buttonRef, menuRef, onMenuKeyDown } = useMenu();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
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
        <MenuPopup
          menuRef={menuRef}
          onKeyDown={onMenuKeyDown}
          label={label}
          anchorRef={buttonRef}
          className="export-menu__list"
        >
          {items.map((item) => (
            <MenuItem key={item.label} onClick={() => void run(item)}>
              {item.label}
            </MenuItem>
          ))}
        </MenuPopup>
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
