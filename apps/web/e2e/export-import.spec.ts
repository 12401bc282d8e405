import { readFile, writeFile } from 'node:fs/promises';
import type { MapFile } from '@journeyboard/shared/board';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures/index.ts';
import { ExportMenu, visibleBoard } from './pages/export-menu.ts';

const TEMPLATE_MAP = 'Support journey';
const PAIN = 'Chatbot cannot hand over the conversation';

/** The board's size at 100 %, up to its last stage's right edge. */
const mapSize = (page: Page) =>
  page.getByRole('region', { name: 'Journey board' }).evaluate((element) => {
    const headers = element.querySelectorAll('[data-testid="stage-header"]');
    const last = headers.item(headers.length - 1);
    return {
      width: Math.ceil(last.getBoundingClientRect().right - element.getBoundingClientRect().left),
      height: element.scrollHeight,
    };
  });

/** Width and height from a PNG's header (the IHDR chunk right after the signature). */
const pngSize = (bytes: Buffer) => ({
  width: bytes.readUInt32BE(16),
  height: bytes.readUInt32BE(20),
});

test('a template map exports to JSON, CSV, XLSX, PNG and PDF, and JSON and XLSX import back to the same board', async ({
  mapList,
  page,
}) => {
  test.setTimeout(180_000);
  await mapList.goto();
  const board = await mapList.createMap(TEMPLATE_MAP, 'Customer support');
  await expect(
    board.cardIn(PAIN, { stage: 'Contacts support', lane: 'Pain points' }),
  ).toBeVisible();
  const seen = await visibleBoard(page);
  expect(seen.stageTitles.length).toBe(5);
  const exports = new ExportMenu(page);

  // JSON: the versioned map file, every field.
  const json = await exports.download('Map file (JSON)');
  expect(json.name).toBe('support-journey.json');
  const file = JSON.parse(json.bytes.toString('utf8')) as MapFile;
  expect(file).toMatchObject({
    format: 'journeyboard-map',
    version: 1,
    map: { title: TEMPLATE_MAP },
  });
  expect(file.$schema).toBe('/schemas/journeyboard-map.v1.json');
  expect(file.stages.map((stage) => stage.title)).toEqual([
    'Problem occurs',
    'Seeks help',
    'Contacts support',
    'Resolution',
    'Follow-up',
  ]);
  const pain = file.cards.find((card) => card.text === PAIN);
  expect(pain?.fields).toMatchObject({ severity: 3 });
  const schema = await page.request.get('/schemas/journeyboard-map.v1.json');
  expect(schema.ok()).toBe(true);
  expect((await schema.json()).$id).toBe('/schemas/journeyboard-map.v1.json');

  // CSV: a zip with one file per sheet.
  const csv = await exports.download('CSV files (.zip)');
  expect(csv.name).toBe('support-journey.zip');
  const files = unzipSync(new Uint8Array(csv.bytes));
  expect(Object.keys(files).sort()).toEqual([
    'cards.csv',
    'emotions.csv',
    'lanes.csv',
    'map.csv',
    'personas.csv',
    'stages.csv',
  ]);
  const cardRows = Papa.parse<Record<string, string>>(
    strFromU8(files['cards.csv']!).replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;
  expect(cardRows).toHaveLength(file.cards.length);
  expect(cardRows.find((row) => row.Text === PAIN)).toMatchObject({
    Stage: 'Contacts support',
    Lane: 'Pain points',
    Kind: 'pain',
    Severity: 'high',
  });

  // XLSX: Cards, Stages, Lanes, Emotions sheets with the values.
  const xlsx = await exports.download('Excel workbook (.xlsx)');
  expect(xlsx.name).toBe('support-journey.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Cards',
    'Stages',
    'Lanes',
    'Emotions',
    'Map',
    'Personas',
  ]);
  const cards = workbook.getWorksheet('Cards')!;
  const header = (cards.getRow(1).values as unknown[]).slice(1);
  const column = (name: string) => header.indexOf(name) + 1;
  const painRow = cards
    .getRows(2, cards.rowCount - 1)!
    .find((row) => row.getCell(column('Text')).value === PAIN)!;
  expect(painRow.getCell(column('Severity')).value).toBe('high');
  expect(painRow.getCell(column('Stage')).value).toBe('Contacts support');
  expect(workbook.getWorksheet('Stages')!.getCell('B4').value).toBe('Contacts support');
  expect(workbook.getWorksheet('Stages')!.getCell('D4').value).toBe('yes');
  expect(workbook.getWorksheet('Emotions')!.rowCount).toBe(1 + file.emotions.length);

  // PNG: the whole board, not the screen, at 1× and 2× — with every word of each stage: cut
  // short on screen, "Reflects on the experience." wraps, and the stage headers grow to hold it.
  // Its width ends at the last stage: the "Add stage" column is the editor's, not the map's.
  const boardSize = await mapSize(page);
  const followUpCut = await page
    .getByTestId('stage-header')
    .filter({ hasText: 'Follow-up' })
    .getByText('Reflects on the experience.')
    .evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(followUpCut).toBe(true);
  const png1 = pngSize((await exports.download('Image (PNG)')).bytes);
  const png2 = pngSize((await exports.download('Image at 2× (PNG)')).bytes);
  expect(png1.width).toBe(boardSize.width);
  expect(png1.height).toBeGreaterThan(boardSize.height);
  expect(png2).toEqual({ width: png1.width * 2, height: png1.height * 2 });

  // PDF: the browser's vector output of the print mode.
  const pdfBytes = await page.pdf({ preferCSSPageSize: true });
  if (process.env.JB_E2E_KEEP_PDF) await writeFile(process.env.JB_E2E_KEEP_PDF, pdfBytes);
  const pdf = await getDocumentProxy(new Uint8Array(pdfBytes));
  const { totalPages, text: rawText } = await extractText(pdf, { mergePages: true });
  // Card text wraps in its column: compare words, not lines.
  const text = rawText.replace(/\s+/g, ' ');
  expect(totalPages).toBeGreaterThanOrEqual(1);
  expect(totalPages).toBeLessThanOrEqual(3);
  // Whole words where the screen cuts them short: a stage's description, an emotion's note.
  const whole = [TEMPLATE_MAP, 'Follow-up', 'Reflects on the experience.', 'Frustrated'];
  for (const expected of [...whole, 'Pain points', PAIN]) expect(text).toContain(expected);
  for (const chrome of ['All maps', 'Present', 'Add card', 'Add lane'])
    expect(text).not.toContain(chrome);

  // Import the JSON and the XLSX back: the same board.
  for (const [exported, mime] of [
    [json, 'application/json'],
    [xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const) {
    await mapList.goto();
    await page
      .getByLabel('Map file')
      .setInputFiles({ name: exported.name, mimeType: mime, buffer: exported.bytes });
    const preview = page.getByRole('region', { name: 'Import preview' });
    await expect(preview).toContainText(
      `5 stages, 8 lanes, ${file.cards.length} cards, 5 emotion scores`,
    );
    await page.getByRole('button', { name: 'Create map from file' }).click();
    await expect(page).toHaveURL(/\/maps\/[0-9a-f-]{36}$/);
    await board.expectLive();
    await expect(
      board.cardIn(PAIN, { stage: 'Contacts support', lane: 'Pain points' }),
    ).toBeVisible();
    expect(await visibleBoard(page)).toEqual(seen);
  }
});

test('a picture and a printout show a long stage title whole; the picture names the map and doesn’t change with where the pointer rests', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Escalations');
  await board.addCard({ stage: 'Purchase', lane: 'Touchpoints' }, 'Checkout page');
  const long = 'Purchase through the reseller portal after a call with the regional sales team';
  await page.getByRole('button', { name: 'Rename stage Purchase', exact: true }).click();
  await page.getByLabel('Stage title').fill(long);
  await page.getByLabel('Stage title').press('Enter');
  // Cut to two lines on screen, every word on the editor's paper (a PDF's text would hold the
  // clipped lines too, so the title's box is measured).
  const title = page.getByRole('button', { name: `Rename stage ${long}`, exact: true });
  const clipped = () => title.evaluate((element) => element.scrollHeight > element.clientHeight);
  expect(await clipped()).toBe(true);
  // The editor's prompts for an empty description and an empty curve: on screen, not on paper
  // (nor in the picture, which leaves out the same).
  const prompts = [page.getByText('Add a description'), page.getByText('drag up or down')];
  for (const prompt of prompts)
    await expect(prompt.filter({ visible: true }).first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  expect(await clipped()).toBe(false);
  for (const prompt of prompts) await expect(prompt.filter({ visible: true })).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });

  // The picture, taken from the keyboard (the pointer stays put): with the pointer off the
  // board, and resting on a card (its tools showing) — the same picture.
  const exports = new ExportMenu(page);
  const picture = async () => {
    await exports.button().press('Enter');
    const downloaded = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Image (PNG)', exact: true }).press('Enter');
    return readFile(await (await downloaded).path());
  };
  await page.mouse.move(400, 20);
  const atRest = await picture();
  // Drawn on the page's colour, not on nothing: the heading stays readable wherever the
  // picture is shown, in either theme.
  expect(await topLeftPixel(page, atRest)).toEqual([245, 246, 250, 255]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await topLeftPixel(page, await picture())).toEqual([15, 20, 32, 255]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByText('Checkout page').hover();
  await expect(page.getByRole('button', { name: 'Card actions' })).toBeVisible();
  expect((await picture()).equals(atRest)).toBe(true);

  // The picture says which map it shows: renaming the map changes it (the board doesn't).
  await page.getByRole('button', { name: 'Rename map Escalations', exact: true }).click();
  await page.getByLabel('Map title').fill('Escalations after the workshop');
  await page.getByLabel('Map title').press('Enter');
  await expect(
    page.getByRole('button', { name: 'Rename map Escalations after the workshop', exact: true }),
  ).toBeVisible();
  expect((await picture()).equals(atRest)).toBe(false);
});

/** The first pixel of a PNG, as the browser decodes it: [r, g, b, alpha]. */
async function topLeftPixel(page: Page, png: Buffer): Promise<number[]> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 4;
    canvas.height = 4;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data];
  }, png.toString('base64'));
}

test('a spreadsheet with a bad value is refused with its row and column, and nothing is created', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const csv = [
    'Stage,Lane,Kind,Text,Severity',
    'Sign-up,Pains,pain,Slow form,low',
    'Sign-up,Pains,pain,Lost email,urgent',
  ].join('\n');
  await page
    .getByLabel('Map file')
    .setInputFiles({ name: 'pains.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('alert')).toContainText(
    "row 3: severity 'urgent' is not one of low, medium, high.",
  );
  await expect(page.getByRole('button', { name: 'Create map from file' })).toHaveCount(0);

  // The forgiving mode: just stage, lane and text.
  const simple = ['Stage,Lane,Text', 'Sign-up,Pain points,Slow form', 'Use,Ideas,Autofill'].join(
    '\n',
  );
  await page
    .getByLabel('Map file')
    .setInputFiles({ name: 'simple.csv', mimeType: 'text/csv', buffer: Buffer.from(simple) });
  await expect(page.getByRole('region', { name: 'Import preview' })).toContainText(
    '2 stages, 2 lanes, 2 cards',
  );
  await page.getByRole('button', { name: 'Create map from file' }).click();
  await expect(page).toHaveURL(/\/maps\/[0-9a-f-]{36}$/);
  await expect(
    page.getByRole('group', { name: 'Pain points in Sign-up' }).getByTestId('card'),
  ).toHaveText(['Slow form']);
});

test('a read-only link’s viewer exports the board the link shows — its files and printout carry the description and personas, as the team’s do — and cannot import; a link that shows comments offers no “Comment on” buttons and pictures the board the same', async ({
  page,
  mapList,
  teamWorkspaceId,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Shared journey', 'Customer support');
  const mapId = /\/maps\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const persona = await page.request.post(`/api/workspaces/${teamWorkspaceId}/personas`, {
    data: { name: 'Olivia Ops', title: 'Operations manager', goals: ['Live in a week'] },
  });
  const personaId = ((await persona.json()) as { id: string }).id;
  await page.request.put(`/api/maps/${mapId}/personas`, { data: { personaIds: [personaId] } });
  await page.request.patch(`/api/maps/${mapId}`, {
    data: { description: 'Where support loses people, for the Q1 review' },
  });
  const shareUrl = await board.createShareLink();
  const withComments = await page.request.post(`/api/maps/${mapId}/share-links`, {
    data: { allowComments: true },
  });
  const commentsUrl = ((await withComments.json()) as { url: string }).url;

  const leader = await openSecondBrowser({ signedIn: false });
  await leader.goto(shareUrl);
  await expect(leader.getByRole('listitem', { name: PAIN })).toBeVisible();
  await expect(leader.getByRole('button', { name: /^Personas/ })).toContainText('1');
  const exports = new ExportMenu(leader);
  // The picture ends at the last stage here too: no strip where an editor adds stages.
  const png = (await exports.download('Image (PNG)')).bytes;
  expect(pngSize(png).width).toBe((await mapSize(leader)).width);
  const file = JSON.parse(
    (await exports.download('Map file (JSON)')).bytes.toString('utf8'),
  ) as MapFile;
  expect(file.map.title).toBe('Shared journey');
  expect(file.cards.map((card) => card.text)).toContain(PAIN);
  expect(file.map.description).toBe('Where support loses people, for the Q1 review');
  expect(file.map.personas.map((p) => [p.name, p.title, p.goals])).toEqual([
    ['Olivia Ops', 'Operations manager', ['Live in a week']],
  ]);
  const workbook = new ExcelJS.Workbook();
  const xlsx = await exports.download('Excel workbook (.xlsx)');
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const personas = workbook.getWorksheet('Personas')!;
  expect(personas.getRow(2).getCell(1).value).toBe('Olivia Ops');
  const csv = unzipSync((await exports.download('CSV files (.zip)')).bytes);
  expect(strFromU8(csv['personas.csv']!)).toContain('Olivia Ops');
  // Nothing on the link page writes, importing included.
  const imported = await leader.request.post('/api/maps/import', { data: { map: file } });
  expect(imported.status()).toBe(401);
  // On paper the heading names the personas, as the team’s printout does.
  await leader.emulateMedia({ media: 'print' });
  await expect(
    leader.locator('.print-heading__meta').filter({ visible: true }).first(),
  ).toContainText('Personas: Olivia Ops');

  // The link that shows comments: the same picture, and no comment buttons on paper.
  const commenter = await openSecondBrowser({ signedIn: false });
  await commenter.goto(commentsUrl);
  await expect(commenter.getByRole('listitem', { name: PAIN })).toBeVisible();
  // Its readers may read comments, not write them: no "Comment on" buttons where no thread is.
  await expect(commenter.getByRole('button', { name: /^Comments/ })).toBeVisible();
  await expect(commenter.getByRole('button', { name: /^Comment on/ })).toHaveCount(0);
  const commentedPng = (await new ExportMenu(commenter).download('Image (PNG)')).bytes;
  expect(commentedPng.equals(png), 'the same picture with and without comments').toBe(true);
});

test('the map list exports a map’s file from the server without opening it', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Listed journey', 'Customer support');
  await board.addCard({ stage: 'Seeks help', lane: 'Thoughts' }, 'Is anyone there?');
  await mapList.goto();
  const exports = new ExportMenu(page, 'Export map Listed journey');
  // In a window that ends just under the map's row, its menu opens upwards, whole.
  const button = (await exports.button().boundingBox())!;
  await page.setViewportSize({ width: 1280, height: Math.ceil(button.y + button.height + 24) });
  await exports.button().click();
  const menu = page.getByRole('menu', { name: 'Export map Listed journey' });
  await expect(menu).toBeInViewport({ ratio: 1 });
  expect((await menu.boundingBox())!.y).toBeLessThan(button.y);
  await page.keyboard.press('Escape');
  const json = await exports.download('Map file (JSON)');
  const file = JSON.parse(json.bytes.toString('utf8')) as MapFile;
  expect(file.map.title).toBe('Listed journey');
  expect(file.cards.map((card) => card.text)).toEqual(
    expect.arrayContaining([PAIN, 'Is anyone there?']),
  );
  const xlsx = await exports.download('Excel workbook (.xlsx)');
  expect(xlsx.name).toBe('listed-journey.xlsx');
});
