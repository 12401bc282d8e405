import { mapFileToSheets, type MapFile } from '@journeyboard/shared/board';
import { sheetsToCsvZip } from './csv.ts';
import { download, fileNameFor } from './download.ts';
import { sheetsToXlsx } from './xlsx.ts';

export type TextExportFormat = 'json' | 'xlsx' | 'csv';

/** Writes the map file in one of the text formats and downloads it. */
export async function exportMapFile(file: MapFile, format: TextExportFormat): Promise<void> {
  const title = file.map.title;
  if (format === 'json') {
    download(JSON.stringify(file, null, 2), fileNameFor(title, 'json'), 'application/json');
  } else if (format === 'xlsx') {
    download(
      await sheetsToXlsx(mapFileToSheets(file)),
      fileNameFor(title, 'xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  } else {
    download(sheetsToCsvZip(mapFileToSheets(file)), fileNameFor(title, 'zip'), 'application/zip');
  }
}
