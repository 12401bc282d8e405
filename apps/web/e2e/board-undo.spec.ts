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
