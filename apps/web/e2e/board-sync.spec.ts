import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';

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
