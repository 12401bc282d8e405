/**
 * Sheets ↔ .xlsx bytes with ExcelJS (loaded on demand: it is large, and only
 * exports and imports need it). Cells are written as they are (numbers stay
 * numbers); reading turns every cell into the text a person sees.
 */
import type { Sheet } from '@journeyboard/shared/board';
import type { CellValue, Workbook } from 'exceljs';

/**
 * Starts loading ExcelJS without waiting for it (the Export menu opening):
 * parsing its bundle takes about a second on a slow machine, which the time
 * a person takes to pick an item then hides. Later imports share the load.
 */
export function preloadXlsx(): void {
  void import('exceljs').catch(() => {
    // Offline or a failed chunk: the export itself loads it again and says so.
  });
}

async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/**
 * The fastest deflate level: the sheets are repetitive XML, so level 1 already
 * shrinks them about sevenfold; ExcelJS' default (6) spends more time (deflate
 * was a third of writing a 1,000-card map) to save a few kilobytes (72 KiB
 * instead of 90).
 */
const ZIP_OPTIONS = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

/** Column widths (in Excel's characters) between these; longer text wraps inside the widest. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** East Asian wide characters take two of Excel's character widths. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

const displayWidth = (line: string): number => line.length + (line.match(WIDE)?.length ?? 0);

/**
 * Each column as wide as its longest line (header included), so a stage
 * called "Advocacy — Fürsprache" or a stage's description reads whole in a
 * spreadsheet rather than cut at the next cell; a column whose text is
 * longer than `MAX_WIDTH` wraps (a card's long text, several sources).
 */
function columnWidths(sheet: Sheet): { width: number; wrap: boolean }[] {
  const longest: number[] = [];
  for (const row of sheet.rows) {
    row.forEach((cell, index) => {
      const text = cell === null || cell === undefined ? '' : String(cell);
      for (const line of text.split('\n')) {
        longest[index] = Math.max(longest[index] ?? 0, displayWidth(line));
      }
    });
  }
  return Array.from(longest, (length = 0) => ({
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, length + 2)),
    wrap: length + 2 > MAX_WIDTH,
  }));
}

export async function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'Journeyboard';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    for (const row of sheet.rows) worksheet.addRow([...row]);
    worksheet.getRow(1).font = { bold: true };
    columnWidths(sheet).forEach(({ width, wrap }, index) => {
      const column = worksheet.getColumn(index + 1);
      column.width = width;
      if (wrap) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer({ zip: ZIP_OPTIONS }));
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result);
  if ('error' in value) return '';
  return '';
}

/**
 * Bytes ExcelJS can't open as a workbook: a damaged file, or another kind of
 * file renamed .xlsx. Its own message (the zip library's) means nothing to
 * the person; this error lets the reader say what to do instead.
 */
export class UnreadableWorkbookError extends Error {
  constructor(cause: unknown) {
    super('The bytes are not an Excel workbook (.xlsx).', { cause });
    this.name = 'UnreadableWorkbookError';
  }
}

export async function xlsxToSheets(bytes: ArrayBuffer): Promise<Sheet[]> {
  // Outside the try: a failed load of ExcelJS itself (offline) is not the file's fault.
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (error) {
    throw new UnreadableWorkbookError(error);
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: string[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}
