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

test('clicking a card type instead of dragging it adds one where you are, or says which lane it needs', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Clicked palette');
  // Working in Retention (not the first stage, nor the one in the middle of the view).
  await board.addCard({ stage: 'Retention', lane: 'Touchpoints' }, 'Renewal email');
  await board
    .cardIn('Renewal email', { stage: 'Retention', lane: 'Touchpoints' })
    .getByRole('button', { name: 'Renewal email', exact: true })
    .focus();
  await page.getByTestId('palette-item').filter({ hasText: 'Pain point' }).click();
  const painInRetention = { stage: 'Retention', lane: 'Pain points' };
  await expect(
    board.cell(painInRetention).getByRole('textbox', { name: 'Card text' }),
  ).toBeFocused();
  await board.cardEditor().fill('Renewal price jumps');
  await board.cardEditor().press('Control+Enter');
  await expect(board.cardIn('Renewal price jumps', painInRetention)).toBeVisible();

  // A click on a cell's empty space counts too (it leaves focus on the page, not in the cell).
  const ideasInAdvocacy = { stage: 'Advocacy', lane: 'Opportunities' };
  const empty = board.cell(ideasInAdvocacy);
  const box = (await empty.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 8);
  await page.getByTestId('palette-item').filter({ hasText: 'Opportunity' }).click();
  await expect(
    board.cell(ideasInAdvocacy).getByRole('textbox', { name: 'Card text' }),
  ).toBeFocused();
  await board.cardEditor().press('Escape');

  // The blank template has no metrics lane: a clicked metric says what to add first.
  await page.getByTestId('palette-item').filter({ hasText: 'Metric' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /No lane here takes a metric card/ }),
  ).toHaveText('No lane here takes a metric card: add a “Metrics” lane first.');
  await expect(board.cardEditor()).toHaveCount(0);
  // It goes by itself after a few seconds.
  await expect(page.getByRole('status').filter({ hasText: /No lane here/ })).toHaveCount(0, {
    timeout: 10_000,
  });
});

test('with a side panel open at 1366 px every card type is on screen as its icon, named and with a tooltip; the names come back when it closes', async ({
  mapList,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await mapList.goto();
  await mapList.createMap('Palette beside a panel', 'B2B SaaS onboarding');
  const palette = page.getByRole('group', { name: /^Card palette/ });
  const types = palette.getByTestId('palette-item');
  const kinds = [
    'Touchpoint',
    'Action',
    'Thought',
    'Pain point',
    'Opportunity',
    'Backstage',
    'Metric',
    'Note',
  ];
  await expect(types).toHaveText(kinds);

  for (const panel of ['Comments', 'Versions']) {
    await page.getByRole('button', { name: panel, exact: true }).first().click();
    await expect(page.getByRole('complementary', { name: panel })).toBeVisible();
    const toolbar = (await palette.boundingBox())!;
    for (const [index, kind] of kinds.entries()) {
      const type = types.nth(index);
      await expect(type, `${panel}: ${kind} named`).toHaveAccessibleName(`${kind} card`);
      await expect(type, `${panel}: ${kind}'s tooltip`).toHaveAttribute(
        'title',
        new RegExp(`^${kind}: `),
      );
      const box = (await type.boundingBox())!;
      expect(box.x, `${panel}: ${kind} whole`).toBeGreaterThanOrEqual(toolbar.x);
      expect(box.x + box.width, `${panel}: ${kind} whole`).toBeLessThanOrEqual(
        toolbar.x + toolbar.width + 0.5,
      );
    }
    await page.getByRole('button', { name: panel, exact: true }).first().click();
    await expect(types).toHaveText(kinds);
  }
});

test('at 1366 and 1280 px every card type is on screen beside the board tools, without scrolling', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  await mapList.createMap('Palette on a laptop');
  await expect(page.getByTestId('palette-item')).toHaveCount(8);
  await expect(page.getByTestId('palette-item').last()).toHaveText('Note');
  for (const width of [1366, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const list = await page
      .getByRole('group', { name: /^Card palette/ })
      .getByRole('list')
      .evaluate((element) => element.getBoundingClientRect());
    const hidden = await page.getByTestId('palette-item').evaluateAll(
      (items, box) =>
        items
          .filter((item) => {
            const itemBox = item.getBoundingClientRect();
            return itemBox.left < box.left || itemBox.right > box.right + 0.5;
          })
          .map((item) => item.textContent),
      { left: list.left, right: list.right },
    );
    expect(hidden, `at ${width} px`).toEqual([]);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('at 390 px the card palette shows every card type whole, the board tools beside and below it, and a tap adds one', async ({
    mapList,
    page,
  }) => {
    await mapList.goto();
    const board = await mapList.createMap('Palette in the hand');
    const palette = page.getByRole('group', { name: /^Card palette/ });
    const list = (await palette.getByRole('list').boundingBox())!;
    const types = page.getByTestId('palette-item');
    await expect(types).toHaveCount(8);
    // Every type whole inside the palette's row (which scrolls nothing away) and the screen.
    for (const type of await types.all()) {
      const name = await type.getAttribute('aria-label');
      const box = (await type.boundingBox())!;
      expect(box.x, `${name}: left edge shown`).toBeGreaterThanOrEqual(Math.max(list.x, 0));
      expect(box.x + box.width, `${name}: right edge shown`).toBeLessThanOrEqual(
        Math.min(list.x + list.width, 390) + 0.5,
      );
    }
    // The board tools beside or below the palette, never over it, and on screen.
    for (const tool of await page.locator('.board-toolbar__end button').all()) {
      const box = (await tool.boundingBox())!;
      const name = `${await tool.getAttribute('aria-label')}`;
      expect(box.y >= list.y + list.height || box.x >= list.x + list.width, name).toBe(true);
      expect(box.x + box.width, name).toBeLessThanOrEqual(390);
    }

    // Usable by touch: a tapped type is a new card in a lane of its kind, its editor open.
    await board.paletteItem('Pain point').tap();
    await expect(
      page.getByRole('group', { name: /^Pain points in / }).getByRole('textbox', {
        name: 'Card text',
      }),
    ).toBeFocused();
  });
});
