import { boardToMapFile } from '@journeyboard/shared/board';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useBoardReader } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { download, fileNameFor } from '../../interchange/download.ts';
import { exportMapFile, type TextExportFormat } from '../../interchange/export-map.ts';
import { findBoardElement } from '../board/cell-dom.ts';
import { DownloadIcon } from '../common/icons.tsx';
import { boardImage } from './board-image.ts';
import { useLatestVotes } from './use-latest-votes.ts';
import './export-menu.css';

interface ExportMenuProps {
  title: string;
  description: string;
  personas?: readonly { id: string; name: string }[] | undefined;
}

type Item = { label: string; run: () => Promise<void> | void };

/**
 * "Export": the board as a map file (JSON), an Excel workbook, CSV files, a
 * PNG at 1× or 2×, or printed (Ctrl+P; "Save as PDF" gives a vector PDF).
 * Offered with the `export` capability; everything is made in the browser
 * from the board this person sees, so a share link exports what it shows.
 */
export function ExportMenu({ title, description, personas }: ExportMenuProps) {
  const canExport = useCan('export');
  const readBoard = useBoardReader();
  const votes = useLatestVotes();
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

  if (!canExport) return null;

  const mapFile = () =>
    boardToMapFile(readBoard(), { title, description, personas: personas ?? [], votes });
  const text = (format: TextExportFormat) => () => exportMapFile(mapFile(), format);
  const image = (scale: 1 | 2) => async () => {
    const board = findBoardElement();
    if (!board) throw new Error('The board is not on the page yet.');
    const suffix = scale === 2 ? '@2x' : '';
    download(await boardImage(board, scale), fileNameFor(`${title}${suffix}`, 'png'), 'image/png');
  };
  const items: Item[] = [
    { label: 'Map file (JSON)', run: text('json') },
    { label: 'Excel workbook (.xlsx)', run: text('xlsx') },
    { label: 'CSV files (.zip)', run: text('csv') },
    { label: 'Image (PNG)', run: image(1) },
    { label: 'Image at 2× (PNG)', run: image(2) },
    { label: 'Print or save as PDF', run: () => window.print() },
  ];

  const run = (item: Item) => async () => {
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
        aria-label="Export"
        title="Export"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy}
        disabled={busy}
        onClick={() => setOpen((value) => !value)}
      >
        <DownloadIcon />
      </button>
      {open ? (
        <div
          ref={menuRef}
          className="menu export-menu__list"
          role="menu"
          aria-label="Export"
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className="menu__item"
              onClick={() => void run(item)()}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
      {problem ? (
        <p className="export-menu__problem" role="alert">
          {problem}
          <button type="button" className="button button--ghost" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}
