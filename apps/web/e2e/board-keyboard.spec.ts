import { expect, test } from './fixtures/index.ts';

test('a card can be added, moved and deleted with the keyboard alone', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Keyboard journey');
  const start = { stage: 'Awareness', lane: 'Touchpoints' };

  // The page's first Tab stop skips the header and tools, straight to the board.
  await page.reload();
  await board.expectLive();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the board' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('button', { name: /^Add card to Touchpoints in Awareness$/ }),
  ).toBeFocused();

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
  // The focus went with the card: the keys go on working where it is now.
  await expect(
    board
      .cardIn('Billboard on the highway', target)
      .getByRole('button', { name: 'Billboard on the highway' }),
  ).toBeFocused();

  // Arrow keys walk the grid; Delete removes the focused card.
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

test('keyboard only, on a full template: a card in every lane kind, a field, an emotion score and a stage moved', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Keyboard workshop', 'B2B SaaS onboarding');
  const stage = 'First value';

  // Every lane that holds cards has an "Add card" in each stage; N adds a card of the lane's kind.
  const addButtons = page.getByRole('button', { name: new RegExp(`^Add card to .+ in ${stage}$`) });
  const labels = await addButtons.evaluateAll((buttons) =>
    buttons.map((button) => button.getAttribute('aria-label') ?? ''),
  );
  const lanes = labels.map((label) => /^Add card to (.+) in /.exec(label)![1]!);
  expect(lanes).toEqual(
    expect.arrayContaining(['Touchpoints', 'Customer actions', 'Thoughts', 'Pain points']),
  );
  expect(lanes.length).toBeGreaterThanOrEqual(7);
  for (const lane of lanes) {
    await page.getByRole('button', { name: `Add card to ${lane} in ${stage}` }).focus();
    await page.keyboard.press('n');
    await page.keyboard.type(`Typed into ${lane}`);
    await page.keyboard.press('Control+Enter');
    await expect(board.cardIn(`Typed into ${lane}`, { stage, lane })).toBeVisible();
  }

  // A kind's own field, from the keyboard: Enter edits, Tab reaches the field, Space sets it.
  const pain = 'Typed into Pain points';
  await board.card(pain).getByRole('button', { name: pain, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(board.cardEditor()).toBeFocused();
  const high = board.card(pain).getByRole('button', { name: 'Severity high' });
  for (let step = 0; step < 15; step++) {
    await page.keyboard.press('Tab');
    if (await high.evaluate((button) => button === document.activeElement)) break;
  }
  await expect(high).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect(board.card(pain)).toContainText('High severity');

  // The emotion score: the stage's slider takes arrow keys.
  await board.emotionSlider(stage).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(board.emotionSlider(stage)).toHaveValue('2');
  await expect(board.emotionCurve()).toHaveAttribute('aria-label', /First value \+2/);

  // A stage moves with its reorder handle: Space picks it up, ← moves it, Space drops it.
  const reorder = page.getByRole('button', { name: `Reorder stage ${stage}` });
  await reorder.focus();
  await page.keyboard.press('Space');
  // dnd-kit listens for the arrow keys only once the pickup has rendered; a person waits for it too.
  await expect(reorder).toHaveAttribute('aria-pressed', 'true');
  // …and once it has measured where the stage is: an arrow before that moves nothing (CI saw it).
  const announced = page.getByRole('status').filter({ hasText: `Stage ${stage} is over` });
  await expect(announced).toContainText('position 5');
  await page.keyboard.press('ArrowLeft');
  // Dropped before the move has rendered, the stage would land where it was (CI saw it once).
  await expect(announced).toContainText('position 4');
  await page.keyboard.press('Space');
  await expect(board.stageHeaders().nth(3)).toContainText(stage);
  await expect(board.stageHeaders().nth(4)).toContainText('Invite team');
  // The cards went with their stage.
  await expect(
    board.cardIn('Typed into Touchpoints', { stage, lane: 'Touchpoints' }),
  ).toBeVisible();
});

test('the share dialog and the shortcuts panel are used with the keyboard alone', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Keyboard sharing');
  await board.expectLive();

  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Share/ });
  await expect(dialog).toBeVisible();
  // Focus is in the dialog, and Tab never leaves it for the header behind the backdrop.
  const focusInDialog = () =>
    dialog.evaluate((element) => element.contains(document.activeElement));
  expect(await focusInDialog()).toBe(true);
  for (let press = 0; press < 12; press++) {
    await page.keyboard.press('Tab');
    expect(await focusInDialog()).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();

  // "Done" gives focus back too.
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();

  // The shortcuts panel closes on Escape, focus staying on its button.
  const shortcuts = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await shortcuts.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(shortcuts).toBeFocused();
});
