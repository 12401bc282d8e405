import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { mapsKeptOnThisDevice, previewKeptWith } from './pages/device-copies.ts';

test('two people on one map see each other’s new card appear and move; a restart keeps it', async ({
  page,
  mapList,
  openSecondBrowser,
  server,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Checkout journey');
  const theirs = new BoardPage(await openSecondBrowser());
  await theirs.open(page.url());

  await mine.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees an Instagram ad');
  await expect(
    theirs.cardIn('Sees an Instagram ad', { stage: 'Awareness', lane: 'Touchpoints' }),
  ).toBeVisible();
  // Screen readers hear it too, once, politely (never their own changes).
  await expect(theirs.page.getByRole('status').filter({ hasText: 'Changed by others' })).toHaveText(
    'Changed by others: 1 card added.',
  );

  await theirs.addCard({ stage: 'Purchase', lane: 'Pain points' }, 'Shipping cost is a surprise');
  await expect(
    mine.cardIn('Shipping cost is a surprise', { stage: 'Purchase', lane: 'Pain points' }),
  ).toBeVisible();

  await mine.dragCard('Sees an Instagram ad', { stage: 'Consideration', lane: 'Customer actions' });
  await expect(
    theirs.cardIn('Sees an Instagram ad', { stage: 'Consideration', lane: 'Customer actions' }),
  ).toBeVisible();
  await expect(
    theirs.cardIn('Sees an Instagram ad', { stage: 'Awareness', lane: 'Touchpoints' }),
  ).toHaveCount(0);

  await server.restart();
  await page.reload();
  await mine.expectLive();
  await expect(
    mine.cardIn('Sees an Instagram ad', { stage: 'Consideration', lane: 'Customer actions' }),
  ).toBeVisible();
  await expect(
    mine.cardIn('Shipping cost is a surprise', { stage: 'Purchase', lane: 'Pain points' }),
  ).toBeVisible();
  // The other browser reconnects by itself and is live again.
  await theirs.expectLive();
});

test('a reload draws the board kept on this device at once, never an out-of-date one, and takes an edit straight away', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Returning customers');
  const awareness = { stage: 'Awareness', lane: 'Touchpoints' };
  await board.addCard(awareness, 'Sees an ad');
  // This device keeps a preview of the board soon after it changes.
  await expect.poll(() => previewKeptWith(page, 'Sees an ad')).toBe(true);
  await page.reload();
  await expect(board.cardIn('Sees an ad', awareness)).toBeVisible();
  const fromPreview = () =>
    page.evaluate(
      () => performance.getEntriesByName('journeyboard:board-from-preview', 'mark').length,
    );
  expect(await fromPreview()).toBe(1);

  // A card added, and the page reloaded before its preview was kept: every
  // frame that shows the board shows the new card too.
  await board.addCard(awareness, 'Compares prices');
  await page.addInitScript(() => {
    const frames: string[][] = [];
    (window as unknown as { boardFrames: string[][] }).boardFrames = frames;
    const record = () => {
      const cards = Array.from(document.querySelectorAll('[data-testid="card"]'));
      if (cards.length > 0) frames.push(cards.map((card) => card.getAttribute('aria-label') ?? ''));
      if (frames.length < 30) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  await page.reload();
  await expect(board.cardIn('Compares prices', awareness)).toBeVisible();
  const frames = await page.evaluate(
    () => (window as unknown as { boardFrames: string[][] }).boardFrames,
  );
  expect(frames.length).toBeGreaterThan(0);
  for (const cards of frames) expect(cards).toContain('Compares prices');

  // An edit made as soon as a board drawn from its preview shows is kept.
  await expect.poll(() => previewKeptWith(page, 'Compares prices')).toBe(true);
  await page.reload();
  await board.addCard(awareness, 'Signs up');
  expect(await fromPreview()).toBe(1);
  await board.expectLive();
  await page.reload();
  await expect(board.cardIn('Signs up', awareness)).toBeVisible();
});

test('a map deleted while another member was away is forgotten on their device when they come back', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Churn interviews');
  await board.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Cancels after the trial');
  const mapUrl = page.url();
  const mapId = new URL(mapUrl).pathname.split('/')[2]!;
  const theirs = new BoardPage(await openSecondBrowser());
  await theirs.open(mapUrl);
  await expect(theirs.page.getByLabel('Cancels after the trial', { exact: true })).toBeVisible();
  await expect.poll(() => previewKeptWith(theirs.page, 'Cancels after the trial')).toBe(true);
  await theirs.page.goto('/');
  expect(await mapsKeptOnThisDevice(theirs.page)).toEqual([`journeyboard:map:${mapId}`]);

  expect((await page.request.delete(`/api/maps/${mapId}`)).ok()).toBe(true);
  await theirs.page.goto(mapUrl);
  await expect(theirs.page.getByRole('heading', { name: 'Map not found' })).toBeVisible();
  await expect.poll(() => mapsKeptOnThisDevice(theirs.page)).toEqual([]);
});

test('a card being written when the page reloads keeps its text, for this person and everyone else; a new card left empty leaves nothing', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Upgrade journey');
  const theirs = new BoardPage(await openSecondBrowser());
  await theirs.open(page.url());
  const cell = { stage: 'Consideration', lane: 'Customer actions' };

  // Added and left with Escape: gone for both.
  await page.getByRole('button', { name: 'Add card to Customer actions in Consideration' }).click();
  await expect(theirs.page.getByLabel('Empty card')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(theirs.page.getByLabel('Empty card')).toHaveCount(0);
  await expect(mine.page.getByLabel('Empty card')).toHaveCount(0);

  // Added, nothing written, and the page reloads: gone too.
  await page.getByRole('button', { name: 'Add card to Customer actions in Consideration' }).click();
  await expect(theirs.page.getByLabel('Empty card')).toHaveCount(1);
  await page.reload();
  await mine.expectLive();
  await expect(theirs.page.getByLabel('Empty card')).toHaveCount(0);
  await expect(mine.page.getByLabel('Empty card')).toHaveCount(0);

  // Written, never saved with Ctrl+Enter or a click away, then the page reloads.
  await page.getByRole('button', { name: 'Add card to Customer actions in Consideration' }).click();
  await mine.cardEditor().pressSequentially('Is it worth the price?');
  await page.reload();
  await mine.expectLive();
  await expect(mine.cardIn('Is it worth the price?', cell)).toBeVisible();
  await expect(theirs.cardIn('Is it worth the price?', cell)).toBeVisible();
  await expect(mine.page.getByLabel('Empty card')).toHaveCount(0);
});
