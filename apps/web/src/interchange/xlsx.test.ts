// @vitest-environment node
// ExcelJS writes and reads real bytes here, as in the browser.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetsToXlsx } from './xlsx.ts';

const LONG_CARD =
  'SSO setup requires a support ticket; admins in regulated industries wait up to two weeks for SAML metadata exchange.';

async function written(rows: (string | number)[][]) {
  const bytes = await sheetsToXlsx([{ name: 'Cards', rows }]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook.getWorksheet('Cards')!;
}

describe('an exported workbook as a person opens it', () => {
  it('makes each column as wide as its longest value, not its header', async () => {
    const sheet = await written([
      ['Stage #', 'Stage', 'Lane', 'Text'],
      [1, 'Advocacy — Fürsprache', 'Customer actions', 'Short'],
      [2, 'Sign-up', 'Pain points', LONG_CARD],
    ]);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Advocacy — Fürsprache'.length);
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual('Customer actions'.length);
    // A long card's text wraps in a wide column instead of running off to the right.
    expect(sheet.getColumn(4).width).toBe(60);
    expect(sheet.getCell('D3').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('B2').alignment?.wrapText).toBeFalsy();
  });

  it('counts Japanese characters double, as a spreadsheet draws them', async () => {
    const sheet = await written([['Stage'], ['推薦と紹介']]);
    expect(sheet.getColumn(1).width).toBe(12);
  });

  it('sizes a cell of several lines by its longest line', async () => {
    const sheet = await written([['Needs'], ['SSO\nSCIM provisioning']]);
    expect(sheet.getColumn(1).width).toBe('SCIM provisioning'.length + 2);
  });
});
