import { boardToMapFile } from '@journeyboard/shared/board';
import { useBoardReader } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useMapPersonas } from '../../personas/persona-queries.ts';
import { download, fileNameFor } from '../../interchange/download.ts';
import { exportMapFile, type TextExportFormat } from '../../interchange/export-map.ts';
import { preloadXlsx } from '../../interchange/xlsx.ts';
import { findBoardElement } from '../board/cell-dom.ts';
import { boardImage } from './board-image.ts';
import { useLatestVotes } from './use-latest-votes.ts';
import { ExportMenuButton, type ExportItem } from './export-menu-button.tsx';

interface ExportMenuProps {
  mapId: string;
  title: string;
  description: string;
}

/**
 * "Export": the board as a map file (JSON), an Excel workbook, CSV files, a
 * PNG at 1× or 2×, or printed (Ctrl+P; "Save as PDF" gives a vector PDF).
 * Offered with the `export` capability; everything is made in the browser
 * from the board this person sees, so a share link exports what it shows.
 */
export function ExportMenu({ mapId, title, description }: ExportMenuProps) {
  const canExport = useCan('export');
  // The map's personas with their details, asked here rather than handed in by
  // each page: the file carries them (an import recreates them), and a share
  // link's export lost them when its page didn't pass them.
  const personas = useMapPersonas(mapId).data;
  const readBoard = useBoardReader();
  const votes = useLatestVotes();
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
  const items: ExportItem[] = [
    { label: 'Map file (JSON)', run: text('json') },
    { label: 'Excel workbook (.xlsx)', run: text('xlsx') },
    { label: 'CSV files (.zip)', run: text('csv') },
    { label: 'Image (PNG)', run: image(1) },
    { label: 'Image at 2× (PNG)', run: image(2) },
    { label: 'Print or save as PDF', run: () => window.print() },
  ];

  return <ExportMenuButton label="Export" items={items} onOpen={preloadXlsx} />;
}
