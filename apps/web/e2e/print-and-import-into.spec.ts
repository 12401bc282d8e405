import type { MapFileInput } from '@journeyboard/shared/board';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures/index.ts';

const STAGES = Array.from(
  { length: 14 },
  (_, index) => `Stage ${String(index + 1).padStart(2, '0')}`,
);
const LANES = ['Touchpoints', 'Pain points', 'Feelings'] as const;

/** A map too wide for one A3 page at 7 pt: 14 stages, a card and a score in each. */
function wideMapFile(title: string): MapFileInput {
  return {
    format: 'journeyboard-map',
    version: 1,
    map: { title, personas: [{ id: 'p', name: 'Pat, planner', primary: true }] },
    stages: STAGES.map((stageTitle, index) => ({ id: `s${index}`, title: stageTitle })),
    lanes: [
      { id: 'touch', title: LANES[0], kind: 'touchpoint' },
      { id: 'pain', title: LANES[1], kind: 'pain' },
      { id: 'feel', title: LANES[2], kind: 'emotion' },
    ],
    cards: STAGES.map((_, index) => ({
      stage: `s${index}`,
      lane: 'pain',
      text: `Worry number ${index + 1}`,
    })),
    emotions: STAGES.map((_, index) => ({
      stage: `s${index}`,
      lane: 'feel',
      score: (index % 5) - 2,
    })),
  };
}

/** The PDF Chromium prints of the page (its vector output), as text per page. */
async function pdfPages(page: Page): Promise<string[]> {
  const bytes = await page.pdf({ preferCSSPageSize: true });
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  // Card text wraps in its column: compare words, not lines.
  return text.map((pageText) => pageText.replace(/\s+/g, ' '));
}

test('a board too wide for one page prints its stages on several A3 pages, each with the lane titles, heading and curve', async ({
  page,
  teamWorkspaceId,
}) => {
  test.setTimeout(120_000);
  const title = 'Wide journey';
  const created = await page.request.post('/api/maps/import', {
    data: { map: wideMapFile(title), workspaceId: teamWorkspaceId },
  });
  expect(created.status()).toBe(201);
  const mapId = (await created.json()).id as string;
  await page.goto(`/maps/${mapId}`);
  const worry = page.getByRole('listitem', { name: 'Worry number 14' });
  await expect(worry).toBeVisible();
  // An open thread on a stage of the first page and one on a card of the second.
  const stageId = await page
    .getByTestId('stage-header')
    .filter({ hasText: 'Stage 02' })
    .getAttribute('data-stage-id');
  for (const anchor of [
    { kind: 'stage', id: stageId },
    { kind: 'card', id: await worry.getAttribute('data-card-id') },
  ]) {
    const thread = await page.request.post(`/api/maps/${mapId}/comments`, {
      data: { anchor, body: 'Ask support about this', mentions: [] },
    });
    expect(thread.status()).toBe(201);
  }
  await expect(page.getByTestId('comment-badge')).toHaveCount(2);

  // What goes on paper: the same renderer, one group of stages per page, each with a curve.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const groups = page.locator('.print-page');
  await expect(groups).toHaveCount(2);
  for (const group of await groups.all()) {
    await expect(group.getByTestId('emotion-path')).toHaveAttribute('d', /\S/);
    await expect(group.locator('.lane-title')).toHaveCount(LANES.length);
  }
  // Open threads are counted on paper too, as on a board that fits one page (they weren't).
  await page.emulateMedia({ media: 'print' });
  const [first, second] = await groups.all();
  await expect(
    first!
      .getByTestId('stage-header')
      .filter({ hasText: 'Stage 02' })
      .getByRole('img', { name: '1 open comment thread' }),
  ).toBeVisible();
  await expect(
    second!
      .getByRole('listitem', { name: 'Worry number 14' })
      .getByRole('img', { name: '1 open comment thread' }),
  ).toBeVisible();
  await page.emulateMedia({ media: null });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(groups).toHaveCount(0);

  const pages = await pdfPages(page);
  expect(pages).toHaveLength(2);
  for (const [index, text] of pages.entries()) {
    // Selectable (extractable) text on every page: the heading, which part, every lane title.
    expect(text).toContain(title);
    expect(text).toContain('Personas: Pat, planner');
    expect(text).toContain(`part ${index + 1} of 2`);
    for (const lane of LANES) expect(text).toContain(lane);
  }
  // Every stage and its card on exactly one page, left to right.
  const pageOf = (needle: string) =>
    pages.flatMap((text, index) => (text.includes(needle) ? [index] : []));
  for (const [index, stage] of STAGES.entries()) {
    expect(pageOf(stage), stage).toHaveLength(1);
    expect(pages.join(' ')).toMatch(new RegExp(`Worry number ${index + 1}\\b`));
  }
  expect(pageOf(STAGES[0]!)).toEqual([0]);
  expect(pageOf(STAGES[13]!)).toEqual([1]);
  for (const chrome of ['All maps', 'Add card', 'Import into this map'])
    expect(pages.join(' ')).not.toContain(chrome);

  // The briefing prints as a PDF of its own.
  await page.goto(`/maps/${mapId}/briefing`);
  await expect(page.getByRole('heading', { name: 'Emotion across the journey' })).toBeVisible();
  // Printed once it has loaded, as a person would: the map's title and personas come by REST.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Loading personas…')).toHaveCount(0);
  const briefing = (await pdfPages(page)).join(' ');
  expect(briefing.length).toBeGreaterThan(0);
  for (const heading of [title, 'Emotion across the journey', 'Moments of truth', 'Personas'])
    expect(briefing).toContain(heading);
  expect(briefing).not.toContain('Touchpoints Pain points Feelings');
});

const TALL_STAGES = ['Hears of it', 'Signs up', 'Sets it up', 'Asks for help'] as const;
const TALL_LANES = Array.from(
  { length: 16 },
  (_, index) => `Lane ${String(index + 1).padStart(2, '0')}`,
);

/** A map taller than an A4 page: 16 lanes of 4 stages, two cards in every cell. */
function tallMapFile(title: string): MapFileInput {
  const kinds = ['notes', 'touchpoint', 'pain', 'action', 'thought', 'opportunity'] as const;
  return {
    format: 'journeyboard-map',
    version: 1,
    map: { title },
    stages: TALL_STAGES.map((stageTitle, index) => ({ id: `s${index}`, title: stageTitle })),
    lanes: TALL_LANES.map((laneTitle, index) => ({
      id: `l${index}`,
      title: laneTitle,
      kind: kinds[index % kinds.length]!,
    })),
    cards: TALL_LANES.flatMap((_, lane) =>
      TALL_STAGES.flatMap((__, stage) =>
        [1, 2].map((n) => ({
          stage: `s${stage}`,
          lane: `l${lane}`,
          text: `Finding ${lane + 1}.${stage + 1}.${n} from the interviews`,
        })),
      ),
    ),
  };
}

test('a board taller than a page prints the stage headers at the top of every page, and each lane once', async ({
  page,
  teamWorkspaceId,
}) => {
  test.setTimeout(120_000);
  const created = await page.request.post('/api/maps/import', {
    data: { map: tallMapFile('Tall journey'), workspaceId: teamWorkspaceId },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/maps/${(await created.json()).id}`);
  await expect(
    page.getByRole('listitem', { name: 'Finding 16.4.2 from the interviews' }),
  ).toBeVisible();

  const pages = await pdfPages(page);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const [index, text] of pages.entries()) {
    for (const stage of TALL_STAGES) expect(text, `page ${index + 1}`).toContain(stage);
  }
  // No lane is cut in two or printed twice: each title on exactly one page, in order.
  const pageOf = TALL_LANES.map((lane) =>
    pages.flatMap((text, index) => (new RegExp(`${lane}\\b`).test(text) ? [index] : [])),
  );
  for (const [index, found] of pageOf.entries()) expect(found, TALL_LANES[index]).toHaveLength(1);
  const firstPages = pageOf.map((found) => found[0] ?? -1);
  expect(firstPages).toEqual([...firstPages].sort((a, b) => a - b));
  expect(firstPages.at(-1)).toBe(pages.length - 1);

  // Paper is white round the board, not the app's grey.
  await page.emulateMedia({ media: 'print' });
  for (const element of [page.locator('html'), page.locator('.board')])
    await expect(element).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});

test('a new blank map takes a file with “Import into this map”: everyone on it sees the board fill, and its personas are linked', async ({
  page,
  teamWorkspaceId,
  openSecondBrowser,
}) => {
  test.setTimeout(180_000);
  // A new blank map, made as the map list makes one.
  const created = await page.request.post('/api/maps', {
    data: { title: 'Empty journey', template: 'blank', workspaceId: teamWorkspaceId },
  });
  expect(created.status()).toBe(201);
  const mapId = (await created.json()).id as string;
  await page.goto(`/maps/${mapId}`);
  const colleague = await openSecondBrowser({ name: 'Colleague' });
  await colleague.goto(`/maps/${mapId}`);
  // Offered once the board is live (a machine shared with other jobs can take a while).
  const live = { timeout: 60_000 };
  await expect(colleague.getByRole('button', { name: 'Import into this map' })).toBeVisible(live);
  await page.getByRole('button', { name: 'Import into this map' }).click(live);
  const file = wideMapFile('Ignored title');
  await page.getByLabel('Map file').setInputFiles({
    name: 'wide.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('14 stages, 3 lanes, 14 cards, 14 emotion scores');
  await expect(preview.getByRole('list', { name: 'Personas' })).toContainText('Pat, planner (new)');
  await preview.getByRole('button', { name: 'Import into this map' }).click();

  // Live on both screens, without a reload; the offer is gone with the emptiness.
  for (const screen of [page, colleague]) {
    await expect(
      screen.getByRole('group', { name: 'Pain points in Stage 07' }).getByTestId('card'),
    ).toHaveText(['Worry number 7']);
    await expect(screen.getByRole('button', { name: 'Import into this map' })).toHaveCount(0);
  }
  const personas = await page.request.get(`/api/maps/${mapId}/personas`);
  const linked = (await personas.json()) as { personas: { name: string }[] };
  expect(linked.personas.map((persona) => persona.name)).toEqual(['Pat, planner']);
});
