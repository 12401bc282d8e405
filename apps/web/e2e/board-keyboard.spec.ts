import { expect, test } from './fixtures/index.ts';

test('a card can be added, moved and deleted with the keyboard alone', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Keyboard journey');
  const start = { stage: 'Awareness', lane: 'Touchpoints' };

  // N on a cell's "Add card" adds a card there and opens it.
  await page.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }).focus();
  await page.keyboard.press('n');
  await board.cardEditor().fill('Billboard on the highway');
  await board.cardEditor().press('Control+Enter');
  await expect(board.cardIn('Billboard on the highway', start)).toBeVisible();

  // Space picks it up, → moves one stage right, ↓ one lane down, Space drops it.
  await board.moveCardByKeyboard('Billboard on the highway', ['ArrowRight', 'ArrowDown']);
  const target = { stage: 'Consideration', lane: 'Customer actions' };
  await expect(board.cardIn('Billboard on the highway', target)).toBeVisible();
  await expect(board.cardIn('Billboard on the highway', start)).toHaveCount(0);
  // The screen-reader announcement says where it went.
  await expect(page.getByRole('status').filter({ hasText: 'Dropped card' })).toContainText(
    'Customer actions in Consideration',
  );

  // Arrow keys walk the grid; Delete removes the focused card.
  await board
    .cardIn('Billboard on the highway', target)
    .getByRole('button', { name: 'Billboard on the highway' })
    .focus();
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByRole('button', { name: 'Add card to Customer actions in Consideration' }),
  ).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Delete');
  await expect(board.card('Billboard on the highway')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(board.cardIn('Billboard on the highway', target)).toBeVisible();
});
