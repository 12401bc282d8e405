import { routePath, routes } from '@journeyboard/shared';
import { expect, test } from './fixtures/index.ts';

test.use({ accountName: 'Sam Searcher' });

test('map search finds a map by a card’s text, with the persona filter still there', async ({
  page,
  mapList,
  teamWorkspaceId,
}) => {
  await mapList.goto();
  await mapList.createMap('Returns journey', 'E-commerce purchase');
  await mapList.goto();
  await mapList.createMap('Plain journey');
  // A persona linked to the other map: the persona filter narrows search results too.
  const persona = (await (
    await page.request.post(routePath(routes.personas.create, { id: teamWorkspaceId }), {
      data: { name: 'Petra Planner' },
    })
  ).json()) as { id: string };
  const otherId = /\/maps\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  expect(
    (
      await page.request.put(routePath(routes.personas.setForMap, { id: otherId }), {
        data: { personaIds: [persona.id] },
      })
    ).ok(),
  ).toBe(true);
  await mapList.goto();

  const search = page.getByRole('searchbox');
  // A card of the template ("Forced account creation"), by a prefix of its last word.
  await search.fill('forced account creat');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'Returns journey' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Plain journey' })).toHaveCount(0);
  await expect(results.locator('mark').first()).toContainText(/forced/i);
  await page.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Petra Planner' });
  await expect(results).toHaveCount(0);
  await expect(page.getByText('No map matches that search.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Persona' }).selectOption({ index: 0 });
  await expect(results.getByRole('link', { name: 'Returns journey' })).toBeVisible();

  await search.fill('nothing matches this at all');
  await expect(page.getByText('No map matches that search.')).toBeVisible();
  await search.press('Escape');
  await expect(page.getByRole('link', { name: 'Plain journey', exact: true })).toBeVisible();

  await search.fill('forced');
  await results.getByRole('link', { name: 'Returns journey' }).click();
  await expect(page).toHaveURL(/\/maps\/[0-9a-f-]{36}$/);
});

test('board find highlights matching cards and steps through them with Enter and Shift+Enter', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Findable journey', 'B2B SaaS onboarding');
  await board.card('Welcome checklist in the app').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Escape');

  await page.locator('body').press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find cards' });
  await expect(find).toBeFocused();
  await find.fill('workspace');
  const status = page.getByRole('search', { name: 'Find on the board' }).getByRole('status');
  await expect(status).toHaveText('1 of 3: Empty workspace with no sample data (First login)');
  await find.press('Enter');
  await expect(status).toHaveText('2 of 3: Pre-filled demo workspace (First login)');
  await find.press('Enter');
  await expect(status).toHaveText(/^3 of 3: Invitees land in the wrong workspace/);
  await find.press('Enter');
  await expect(status).toHaveText(/^1 of 3/);
  await find.press('Shift+Enter');
  await expect(status).toHaveText(/^3 of 3/);
  // The current card is outlined, in view.
  const current = board.card('Invitees land in the wrong workspace');
  await expect(current).toBeInViewport();
  await expect(current).toHaveCSS('outline-style', 'solid');

  await find.press('Escape');
  await expect(find).toHaveCount(0);
  await expect(current).toHaveCSS('outline-style', 'none');
  // The keyboard is left on the card found (it used to drop to the page): the keys go on there.
  const foundText = current.getByRole('button', { name: 'Invitees land in the wrong workspace' });
  await expect(foundText).toBeFocused();
  // "/" opens it too when not typing; with nothing found, Escape goes back to where it was.
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Find cards' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Find cards' }).fill('zzz');
  await expect(status).toHaveText('No cards match');
  await page.keyboard.press('Escape');
  await expect(foundText).toBeFocused();
});
