import { useState } from 'react';
import { DownloadIcon } from '../common/icons.tsx';
import { MenuButton } from '../common/menu-button.tsx';
import { MenuItem } from '../common/menu-popup.tsx';
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
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const exportAs = async (item: ExportItem) => {
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
      <MenuButton
        content={<DownloadIcon />}
        buttonClassName="icon-button export-menu__button"
        label={label}
        title={label}
        busy={busy}
        onOpen={onOpen}
        menuLabel={label}
        menuClassName="export-menu__list"
      >
        {(run) =>
          items.map((item) => (
            <MenuItem key={item.label} onClick={run(() => void exportAs(item))}>
              {item.label}
            </MenuItem>
          ))
        }
      </MenuButton>
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
