/**
 * Sheets ↔ CSV with papaparse; several sheets travel as one .zip of CSV
 * files (fflate), one file per sheet named after it (cards.csv, stages.csv…).
 */
import type { Sheet } from '@journeyboard/shared/board';
import { strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';

/** A byte-order mark first, so Excel opens the file as UTF-8. */
const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would take for a formula: it starts with = + - @ (or a
 * tab or carriage return), after any apostrophes this file added before.
 * Excel shows "- Slow checkout" as #NAME? and runs "=HYPERLINK(…)" typed on a
 * card by anyone who could write one; a number ("-1", "+2", "3.1") is data.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The cell as text a spreadsheet shows as typed: a leading apostrophe when it would be a formula. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula` (an apostrophe before formula-like text), so an export reads back as written. */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

export function sheetToCsv(sheet: Sheet): string {
  return (
    BOM +
    Papa.unparse(
      sheet.rows.map((row) => row.map((cell) => neutraliseFormula(String(cell)))),
      { newline: '\r\n' },
    )
  );
}

export function csvToSheet(name: string, text: string): Sheet {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return { name, rows: parsed.data.map((row) => row.map(restoreFormulaText)) };
}

/** A CSV file's text, and whether its encoding had to be guessed. */
export interface CsvText {
  readonly text: string;
  /**
   * Not UTF-8, so read as Windows-1252: what Excel on Windows writes as
   * "CSV" in Western Europe and the Americas. Another legacy encoding would
   * read with wrong letters, so the person is told.
   */
  readonly guessed: boolean;
}

/**
 * A CSV file's bytes as text: UTF-8 (with or without a byte-order mark)
 * when they are valid UTF-8 — a legacy file's accented letters almost never
 * are — else Windows-1252, so "Découverte" does not arrive as "D�couverte".
 */
export function decodeCsv(bytes: Uint8Array): CsvText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), guessed: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), guessed: true };
  }
}

export function sheetsToCsvZip(sheets: readonly Sheet[]): Uint8Array {
  return zipSync(
    Object.fromEntries(
      sheets.map((sheet) => [`${sheet.name.toLowerCase()}.csv`, strToU8(sheetToCsv(sheet))]),
    ),
  );
}

/** A zip's CSV files as sheets, and the names of those whose encoding was guessed (decodeCsv). */
export function readCsvZip(bytes: Uint8Array): { sheets: Sheet[]; guessed: string[] } {
  const files = unzipSync(bytes, { filter: (file) => /\.csv$/i.test(file.name) });
  const guessed: string[] = [];
  const sheets = Object.entries(files).map(([path, content]) => {
    const base = path.split('/').pop() ?? path;
    const csv = decodeCsv(content);
    if (csv.guessed) guessed.push(base);
    return csvToSheet(base.replace(/\.csv$/i, ''), csv.text);
  });
  return { sheets, guessed };
}

export const csvZipToSheets = (bytes: Uint8Array): Sheet[] => readCsvZip(bytes).sheets;
