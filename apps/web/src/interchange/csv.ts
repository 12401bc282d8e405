/**
 * Sheets ↔ CSV with papaparse; several sheets travel as one .zip of CSV
 * files (fflate), one file per sheet named after it (cards.csv, stages.csv…).
 */
import type { Sheet } from '@journeyboard/shared/board';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';

/** A byte-order mark first, so Excel opens the file as UTF-8. */
const BOM = '\uFEFF';

export function sheetToCsv(sheet: Sheet): string {
  return (
    BOM +
    Papa.unparse(
      sheet.rows.map((row) => row.map(String)),
      { newline: '\r\n' },
    )
  );
}

export function csvToSheet(name: string, text: string): Sheet {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return { name, rows: parsed.data };
}

export function sheetsToCsvZip(sheets: readonly Sheet[]): Uint8Array {
  return zipSync(
    Object.fromEntries(
      sheets.map((sheet) => [`${sheet.name.toLowerCase()}.csv`, strToU8(sheetToCsv(sheet))]),
    ),
  );
}

export function csvZipToSheets(bytes: Uint8Array): Sheet[] {
  const files = unzipSync(bytes, { filter: (file) => /\.csv$/i.test(file.name) });
  return Object.entries(files).map(([path, content]) => {
    const base = path.split('/').pop() ?? path;
    return csvToSheet(base.replace(/\.csv$/i, ''), strFromU8(content));
  });
}
