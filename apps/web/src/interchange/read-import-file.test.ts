// @vitest-environment node
// ExcelJS and TextDecoder read real bytes here, as in the browser.
import type { MapFile } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './read-import-file.ts';

/**
 * Windows-1252 bytes (what Excel on Windows writes as "CSV") for Latin-1 text.
 * Only Latin-1: Node since 20.18.3 decodes windows-1252's 0x80–0x9F (€, ’) as
 * Latin-1's control characters (nodejs/node#60888); browsers follow the
 * Encoding Standard, and these tests run in Node.
 */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Array.from(text, (char) => char.charCodeAt(0)));
}

const stageTitles = (file: MapFile) => file.stages.map((stage) => stage.title);
const cardTexts = (file: MapFile) => file.cards.map((card) => card.text);

describe('readImportFile', () => {
  it('says what to do with a file that is not a workbook, not what the zip library found', async () => {
    const reading = await readImportFile(
      new File(['Stage,Lane,Text\nDiscover,Pains,Slow'], 'Journey.xlsx'),
    );
    expect(reading).toEqual({
      ok: false,
      problems: [
        'Journey.xlsx could not be read as an Excel workbook (.xlsx): it may be damaged, or another kind of file renamed. Save it from your spreadsheet app as .xlsx (or CSV) and import it again.',
      ],
    });
  });

  it('says what to do with a .zip that is not one', async () => {
    const reading = await readImportFile(new File(['not a zip'], 'Journey.zip'));
    expect(reading.ok ? [] : reading.problems).toEqual([
      'Journey.zip could not be read as a .zip of CSV files: it may be damaged, or another kind of file renamed. Export the map again, or import a single CSV of cards.',
    ]);
  });

  it('reads a Windows-1252 CSV (Excel’s "CSV" on Windows) with its letters, and says it guessed', async () => {
    const bytes = windows1252(
      "Stage,Lane,Text\r\nDécouverte,Pain points,Trop d'étapes à la caisse\r\n",
    );
    const reading = await readImportFile(new File([bytes], 'Parcours.csv'));
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    expect(stageTitles(reading.file)).toEqual(['Découverte']);
    expect(cardTexts(reading.file)).toEqual(["Trop d'étapes à la caisse"]);
    expect(reading.warnings).toEqual([
      'Parcours.csv is not UTF-8 text, so it was read as Windows-1252 (Western European): if letters look wrong, save it from your spreadsheet app as “CSV UTF-8” and import it again.',
    ]);
  });

  it.each([
    ['without', ''],
    ['with', '\uFEFF'],
  ])('reads a UTF-8 CSV %s a byte-order mark as UTF-8, without a warning', async (_, bom) => {
    const text = `${bom}Stage,Lane,Text\nDécouverte,Pain points,Trop d’étapes — 5 €\n`;
    const reading = await readImportFile(new File([text], 'Parcours.csv'));
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    expect(stageTitles(reading.file)).toEqual(['Découverte']);
    expect(cardTexts(reading.file)).toEqual(['Trop d’étapes — 5 €']);
    expect(reading.warnings).toEqual([]);
  });
});
