import {
  MAP_FILE_LIMITS,
  readMapFile,
  sheetsToMapFile,
  type MapFileReading,
  type Sheet,
} from '@journeyboard/shared/board';
import { csvToSheet, decodeCsv, readCsvZip } from './csv.ts';
import { UnreadableWorkbookError, xlsxToSheets } from './xlsx.ts';

export const IMPORT_ACCEPT = '.json,.xlsx,.csv,.zip';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const baseName = (name: string) => name.replace(/\.[^.]+$/, '');

const fails = (problem: string): MapFileReading => ({ ok: false, problems: [problem] });

/** CSV files whose encoding was guessed: the preview says so, in case letters look wrong. */
function guessedEncoding(names: readonly string[]): string[] {
  return names.map(
    (name) =>
      `${name} is not UTF-8 text, so it was read as Windows-1252 (Western European): if letters look wrong, save it from your spreadsheet app as “CSV UTF-8” and import it again.`,
  );
}

/** The reading with `warnings` first (they are about the whole file), when it succeeded. */
const withWarnings = (reading: MapFileReading, warnings: readonly string[]): MapFileReading =>
  reading.ok && warnings.length > 0
    ? { ...reading, warnings: [...warnings, ...reading.warnings] }
    : reading;

async function readXlsx(file: File): Promise<MapFileReading> {
  let sheets: Sheet[];
  try {
    sheets = await xlsxToSheets(await file.arrayBuffer());
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) throw error;
    return fails(
      `${file.name} could not be read as an Excel workbook (.xlsx): it may be damaged, or another kind of file renamed. Save it from your spreadsheet app as .xlsx (or CSV) and import it again.`,
    );
  }
  return sheetsToMapFile(sheets, baseName(file.name));
}

async function readZip(file: File): Promise<MapFileReading> {
  let zip: ReturnType<typeof readCsvZip>;
  try {
    zip = readCsvZip(new Uint8Array(await file.arrayBuffer()));
  } catch {
    // fflate's own words ("invalid zip data") don't say what to do.
    return fails(
      `${file.name} could not be read as a .zip of CSV files: it may be damaged, or another kind of file renamed. Export the map again, or import a single CSV of cards.`,
    );
  }
  return withWarnings(
    sheetsToMapFile(zip.sheets, baseName(file.name)),
    guessedEncoding(zip.guessed),
  );
}

async function readCsv(file: File): Promise<MapFileReading> {
  const csv = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  return withWarnings(
    sheetsToMapFile([csvToSheet('Cards', csv.text)], baseName(file.name)),
    guessedEncoding(csv.guessed ? [file.name] : []),
  );
}

/**
 * Reads a file a person picked: a map file (JSON, any version we wrote), an
 * .xlsx, a .zip of CSVs, or one CSV of cards. Nothing is sent anywhere.
 */
export async function readImportFile(file: File): Promise<MapFileReading> {
  if (file.size > MAP_FILE_LIMITS.bytes)
    return fails(
      `${file.name} is ${megabytes(file.size)}; files up to ${megabytes(MAP_FILE_LIMITS.bytes)} can be imported.`,
    );
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  try {
    if (extension === 'json') {
      let value: unknown;
      try {
        value = JSON.parse(await file.text());
      } catch (error) {
        return fails(`${file.name} is not valid JSON (${(error as Error).message}).`);
      }
      return readMapFile(value);
    }
    if (extension === 'xlsx') return await readXlsx(file);
    if (extension === 'zip') return await readZip(file);
    if (extension === 'csv') return await readCsv(file);
  } catch (error) {
    return fails(`${file.name} could not be read: ${(error as Error).message}`);
  }
  return fails(
    `${file.name} is not a file Journeyboard imports: choose a .json, .xlsx, .csv or .zip.`,
  );
}
