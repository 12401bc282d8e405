import { expect, test } from './fixtures/index.ts';

test('dragging a card type from the palette onto a cell adds a card there, with that type’s fields', async ({
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Palette journey');
  const painInPurchase = { stage: 'Purchase', lane: 'Pain points' };

  await board.dragFromPalette('Pain point', painInPurchase);
  await expect(board.cardEditor()).toBeFocused();
  // A pain point starts at medium severity; the editor offers the severity choice.
  await expect(
    board.cell(painInPurchase).getByRole('button', { name: 'Severity medium' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await board.cell(painInPurchase).getByRole('button', { name: 'Severity high' }).click();
  await board.cardEditor().fill('Shipping cost shows up late');
  await board.cardEditor().press('Control+Enter');

  const card = board.cardIn('Shipping cost shows up late', painInPurchase);
  await expect(card).toBeVisible();
  await expect(card).toContainText('High severity');

  // A pain-point card does not fit a touchpoint lane: nothing is added there.
  await board.dragFromPalette('Pain point', { stage: 'Purchase', lane: 'Touchpoints' });
  await expect(
    board.cell({ stage: 'Purchase', lane: 'Touchpoints' }).getByTestId('card'),
  ).toHaveCount(0);
  await expect(board.cardEditor()).toHaveCount(0);
});
