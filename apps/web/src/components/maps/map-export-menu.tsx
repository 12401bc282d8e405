import type { TJourneyMap } from '@journeyboard/shared';
import { useCan } from '../../capabilities/capabilities.tsx';
import { exportMapFile, type TextExportFormat } from '../../interchange/export-map.ts';
import { preloadXlsx } from '../../interchange/xlsx.ts';
import { useMapFileLoader } from '../../maps/use-map-file.ts';
import { ExportMenuButton } from '../export/export-menu-button.tsx';

/**
 * "Export map <Title>" on the map list: the text formats, from the server's
 * copy of the board (pictures and print need the board open).
 */
export function MapExportMenu({ map }: { map: TJourneyMap }) {
  const canExport = useCan('export');
  const loadMapFile = useMapFileLoader();
  if (!canExport) return null;
  const text = (format: TextExportFormat) => async () =>
    exportMapFile(await loadMapFile(map.id), format);
  return (
    <ExportMenuButton
      label={`Export map ${map.title}`}
      onOpen={preloadXlsx}
      items={[
        { label: 'Map file (JSON)', run: text('json') },
        { label: 'Excel workbook (.xlsx)', run: text('xlsx') },
        { label: 'CSV files (.zip)', run: text('csv') },
      ]}
    />
  );
}
