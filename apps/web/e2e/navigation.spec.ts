import { expect, test } from './fixtures/index.ts';

/** The e2e project has no DOM lib: the one browser API this test reads. */
interface WithClipboard {
  navigator: { clipboard: { readText(): Promise<string> } };
}

test('every page links back to the maps, the back button works, and a link to a card opens it in view', async ({
  mapList,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1000, height: 700 });
  await mapList.goto();
  const board = await mapList.createMap('Support journey', 'Customer support');
  const mapUrl = page.url();

  // A card far to the right: its link is copied from the card's menu.
  const card = board.cardIn('Satisfaction survey', {
    stage: 'Follow-up',
    lane: 'Touchpoints',
  });
  await card.hover();
  await card.getByRole('button', { name: 'Card actions' }).click();
  await page.getByRole('menuitem', { name: 'Copy link to card' }).click();
  const link = await page.evaluate(() =>
    (globalThis as unknown as WithClipboard).navigator.clipboard.readText(),
  );
  expect(link).toMatch(/\/maps\/[^?]+\?card=/);

  // Opened fresh, the board scrolls the card into view and focuses it.
  await page.goto('/');
  await page.goto(link);
  await board.expectLive();
  await expect(card).toBeInViewport();
  await expect(card.getByRole('button', { name: 'Satisfaction survey' })).toBeFocused();

  // A link to a card that is gone says so.
  await page.goto(`${mapUrl}?card=00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole('status').filter({ hasText: 'no longer on this map' })).toBeVisible();

  // The app's navigation: to Personas and back, with the links and with the browser.
  await mapList.goto();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Personas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Personas of/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Personas' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Maps' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journey maps' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /^Personas of/ })).toBeVisible();
  await nav.getByRole('link', { name: 'Mentions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Mentions/ })).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Journey maps' })).toBeVisible();
});

test('a new workspace is named in a dialog, checked before it is sent, and becomes the current one', async ({
  mapList,
  page,
}) => {
  await mapList.goto();
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  // Tab stays in the dialog, its field included.
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Create workspace' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(name).toBeFocused();

  // The server's own rule, in the form: nothing is sent for an empty name.
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/workspaces')) {
      sent.push(request.url());
    }
  });
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the workspace a name.');
  expect(sent).toEqual([]);

  await name.fill('Research guild');
  await name.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
  await expect(
    page.getByRole('combobox', { name: 'Workspace' }).locator('option:checked'),
  ).toHaveText('Research guild');
  expect(sent).toHaveLength(1);

  // Its Members page: the creator is its owner, roles named as people say them.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Members' })
    .click();
  // (Its only owner: nothing to choose, the server would refuse another role.)
  await expect(page.getByText('Owner (the only one)')).toBeVisible();
});
