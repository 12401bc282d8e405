import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';

test('two people each undo only their own change', async ({ page, mapList, openSecondBrowser }) => {
  await mapList.goto();
  const mine = await mapList.createMap('Undo journey');
  const theirs = new BoardPage(await openSecondBrowser());
  await theirs.open(page.url());

  await mine.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'My card');
  await theirs.addCard({ stage: 'Purchase', lane: 'Pain points' }, 'Their card');
  for (const board of [mine, theirs]) {
    await expect(board.card('My card')).toBeVisible();
    await expect(board.card('Their card')).toBeVisible();
  }

  // I undo: my card goes, theirs stays — on both screens.
  await mine.undoButton().click();
  for (const board of [mine, theirs]) {
    await expect(board.card('My card')).toHaveCount(0);
    await expect(board.card('Their card')).toBeVisible();
  }
  // My undo stack is now empty: their card is not mine to undo.
  await expect(mine.undoButton()).toBeDisabled();

  // They undo (by keyboard): their card goes; my undone card stays gone.
  await theirs.page.locator('body').press('Control+z');
  for (const board of [mine, theirs]) {
    await expect(board.card('Their card')).toHaveCount(0);
    await expect(board.card('My card')).toHaveCount(0);
  }
});

test('undo keeps a card someone else has typed into since, and deletes it only when asked', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Undo what others built on');
  const theirs = new BoardPage(await openSecondBrowser());
  await theirs.open(page.url());
  const cell = { stage: 'Awareness', lane: 'Touchpoints' };

  await mine.addCard(cell, 'Flyer');
  await theirs.card('Flyer').getByRole('button', { name: 'Flyer', exact: true }).click();
  await theirs.cardEditor().fill('Flyer with a QR code to the app');
  await theirs.cardEditor().press('Control+Enter');
  await expect(mine.card('Flyer with a QR code to the app')).toBeVisible();

  // My undo would take their text with my card: the card stays, and I am told why.
  await mine.undoButton().click();
  const kept = page.getByRole('status').filter({ hasText: /^Kept/ });
  await expect(kept).toContainText(
    'Kept “Flyer with a QR code to the app” on the board: others have changed it since',
  );
  for (const board of [mine, theirs]) {
    await expect(board.cardIn('Flyer with a QR code to the app', cell)).toBeVisible();
  }
  await expect(mine.undoButton()).toBeDisabled();

  // Deleting it is my explicit choice, and one step I can undo.
  await kept.getByRole('button', { name: 'Delete it anyway' }).click();
  await expect(kept).toHaveCount(0);
  for (const board of [mine, theirs]) {
    await expect(board.card('Flyer with a QR code to the app')).toHaveCount(0);
  }
  await mine.undoButton().click();
  await expect(theirs.card('Flyer with a QR code to the app')).toBeVisible();

  // I reword it, they reword it after me: my undo leaves their words alone and says so (it
  // put mine back in among theirs, a jumble on both screens).
  const reword = async (board: BoardPage, from: string, to: string) => {
    await board.card(from).getByRole('button', { name: from, exact: true }).click();
    await board.cardEditor().fill(to);
    await board.cardEditor().press('Control+Enter');
  };
  await reword(mine, 'Flyer with a QR code to the app', 'Flyer at the front desk');
  await expect(theirs.card('Flyer at the front desk')).toBeVisible();
  await reword(theirs, 'Flyer at the front desk', 'Poster by the lifts');
  await expect(mine.card('Poster by the lifts')).toBeVisible();
  await mine.undoButton().click();
  await expect(page.getByRole('status').filter({ hasText: /^Your edit/ })).toContainText(
    'Your edit of “Poster by the lifts” stays: someone has changed its text since',
  );
  for (const board of [mine, theirs]) {
    await expect(board.cardIn('Poster by the lifts', cell)).toBeVisible();
  }
});
