// @vitest-environment node
// ExcelJS and fflate read and write real bytes here, as in the browser.
import { mapFileToSheets, readMapFile, sheetsToMapFile } from '@journeyboard/shared/board';
import { arbitraryMapFile, canonicalBoard, throughBoard } from '@journeyboard/shared/board/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvToSheet, csvZipToSheets, sheetToCsv, sheetsToCsvZip } from './csv.ts';
import { sheetsToXlsx, xlsxToSheets } from './xlsx.ts';

const bytes = (data: Uint8Array) =>
  data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;

function expectOk(reading: ReturnType<typeof readMapFile>) {
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  return reading.file;
}

describe('export → import gives back the same board', () => {
  it('through an .xlsx file', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMapFile, async (file) => {
        const exported = throughBoard(file);
        const xlsx = await sheetsToXlsx(mapFileToSheets(exported));
        const imported = expectOk(sheetsToMapFile(await xlsxToSheets(bytes(xlsx)), 'ignored'));
        expect(canonicalBoard(throughBoard(imported))).toEqual(canonicalBoard(file));
      }),
      { numRuns: 30 },
    );
    // ExcelJS takes a while per workbook on a busy machine: a budget, not a measurement.
  }, 120_000);

  it('through a .zip of CSV files', () => {
    fc.assert(
      fc.property(arbitraryMapFile, (file) => {
        const zip = sheetsToCsvZip(mapFileToSheets(throughBoard(file)));
        const imported = expectOk(sheetsToMapFile(csvZipToSheets(zip), 'ignored'));
        expect(canonicalBoard(throughBoard(imported))).toEqual(canonicalBoard(file));
      }),
      { numRuns: 100 },
    );
  });

  it('through JSON', () => {
    fc.assert(
      fc.property(arbitraryMapFile, (file) => {
        const json = JSON.stringify(throughBoard(file));
        const imported = expectOk(readMapFile(JSON.parse(json)));
        expect(canonicalBoard(throughBoard(imported))).toEqual(canonicalBoard(file));
      }),
      { numRuns: 100 },
    );
  });

  it('reads a single cards CSV as written by a spreadsheet', () => {
    const [cards] = mapFileToSheets(
      throughBoard(fc.sample(arbitraryMapFile, { numRuns: 1, seed: 7 })[0]!),
    );
    const sheet = csvToSheet('Cards', sheetToCsv(cards!));
    expect(sheet.rows.slice(0, cards!.rows.length)).toEqual(
      cards!.rows.map((row) => row.map(String)),
    );
  });

  it('writes text that a spreadsheet would run as a formula as text, and reads it back as typed', () => {
    const texts = [
      '- Slow checkout',
      '=HYPERLINK("https://example.com","Click")',
      '+1 from sales',
      '@support asked twice',
      "'=already quoted",
      '\tindented',
    ];
    const sheet = { name: 'Cards', rows: [['Text', 'Score'], ...texts.map((t) => [t, '-1'])] };
    const csv = sheetToCsv(sheet);
    expect(csv).toContain("'- Slow checkout");
    expect(csv).toContain(`"'=HYPERLINK(""https://example.com"",""Click"")"`);
    expect(csv).toContain("'+1 from sales");
    expect(csv).toContain("'@support asked twice");
    expect(csv).toContain("''=already quoted");
    // Numbers stay numbers (an emotion's score).
    expect(csv).toContain(',-1\r\n');
    expect(csv).not.toContain("'-1");
    expect(csvToSheet('Cards', csv).rows).toEqual(sheet.rows);
  });
});
