import {
  MAP_FILE_LIMITS,
  readMapFile,
  sheetsToMapFile,
  type MapFileReading,
} from '@journeyboard/shared/board';
import { csvToSheet, csvZipToSheets } from './csv.ts';
import { xlsxToSheets } from './xlsx.ts';

export const IMPORT_ACCEPT = '.json,.xlsx,.csv,.zip';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const baseName = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * Reads a file a person picked: a map file (JSON, any version we wrote), an
 * .xlsx, a .zip of CSVs, or one CSV of cards. Nothing is sent anywhere.
 */
export async function readImportFile(file: File): Promise<MapFileReading> {
  if (file.size > MAP_FILE_LIMITS.bytes)
    return {
      ok: false,
      problems: [
        `${file.name} is ${megabytes(file.size)}; files up to ${megabytes(MAP_FILE_LIMITS.bytes)} can be imported.`,
      ],
    };
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  try {
    if (extension === 'json') {
      let value: unknown;
      try {
        value = JSON.parse(await file.text());
      } catch (error) {
        return {
          ok: false,
          problems: [`${file.name} is not valid JSON (${(error as Error).message}).`],
        };
      }
      return readMapFile(value);
    }
    if (extension === 'xlsx')
      return sheetsToMapFile(await xlsxToSheets(await file.arrayBuffer()), baseName(file.name));
    if (extension === 'zip')
      return sheetsToMapFile(
        csvZipToSheets(new Uint8Array(await file.arrayBuffer())),
        baseName(file.name),
      );
    if (extension === 'csv')
      return sheetsToMapFile([csvToSheet('Cards', await file.text())], baseName(file.name));
  } catch (error) {
    return {
      ok: false,
      problems: [`${file.name} could not be read: ${(error as Error).message}`],
    };
  }
  return {
    ok: false,
    problems: [
      `${file.name} is not a file Journeyboard imports: choose a .json, .xlsx, .csv or .zip.`,
    ],
  };
}
