import { randomUUID } from 'node:crypto';
import { routePath, routes } from '@journeyboard/shared';
import { E2E_PASSWORD, signUp } from './fixtures/accounts.ts';
import { expect, test } from './fixtures/index.ts';

/** The e2e project has no DOM lib: the one browser API this test reads. */
interface WithClipboard {
  navigator: { clipboard: { readText(): Promise<string> } };
}

test.use({ viewport: { width: 1366, height: 768 } });

test('from the personal workspace to an invited colleague in the team: Members says how, the link fits and copies, a lost link is renewed, the sign-up names the team and opens it', async ({
  page,
  context,
  mapList,
  openSecondBrowser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await mapList.goto();
  // The personal workspace ("<name>'s maps"), where a new account starts.
  const workspace = page.getByRole('combobox', { name: 'Workspace' });
  const personal = workspace.locator('option').filter({ hasText: /'s maps$/ });
  await workspace.selectOption((await personal.getAttribute('value')) ?? '');

  // Members is where people look, in a personal workspace too: it says how to invite.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Members' })
    .click();
  await expect(page.getByText(/This is your personal workspace: only you can see/)).toBeVisible();
  await page.getByRole('button', { name: 'Create a team workspace' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Design team');
  await page.getByRole('dialog').getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Members of Design team' })).toBeVisible();

  // Inviting: the link stays inside the card, beside a Copy button.
  const email = `newcomer-${randomUUID().slice(0, 8)}@example.test`;
  const card = page.locator('form', { has: page.getByRole('heading', { name: 'Add someone' }) });
  await card.getByLabel('Email').fill(email);
  await card.getByLabel('Role').selectOption({ label: 'Editor' });
  await card.getByRole('button', { name: 'Add' }).click();
  const linkField = card.getByLabel(`Invitation link for ${email}`);
  const firstLink = await linkField.inputValue();
  expect(firstLink).toContain('/signup?invite=');
  const cardBox = (await card.boundingBox())!;
  for (const part of [
    linkField,
    card.getByRole('button', { name: 'Copy link' }),
    card.getByRole('button', { name: 'Add' }),
  ]) {
    const box = (await part.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  }
  await card.getByRole('button', { name: 'Copy link' }).click();
  await expect(card.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as WithClipboard).navigator.clipboard.readText(),
    ),
  ).toBe(firstLink);

  // After a reload the link can't be shown again: the page says why and makes a new one.
  await page.reload();
  const pending = page.getByRole('region', { name: 'Pending invitations' });
  await expect(pending).toContainText('shown only once');
  await pending.getByRole('button', { name: `New link for ${email}` }).click();
  const renewed = await page.getByLabel(`Invitation link for ${email}`).inputValue();
  expect(renewed).toContain('/signup?invite=');
  expect(renewed).not.toBe(firstLink);

  // Something for the newcomer to find (the fixture's page opens on its own team: switch).
  await mapList.goto();
  await workspace.selectOption({ label: 'Design team' });
  await mapList.createMap('Team onboarding');
  // Share says how colleagues get in, with the way to invite them.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(
    page.getByRole('dialog', { name: 'Share this map' }).getByRole('link', {
      name: 'Invite people to Design team',
    }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // The newcomer's sign-up names the team and starts with their address; they land in the team.
  const newcomer = await openSecondBrowser({ signedIn: false });
  await newcomer.goto(renewed);
  await expect(
    newcomer.getByRole('heading', { name: 'Join Design team on Journeyboard' }),
  ).toBeVisible();
  await expect(newcomer.getByLabel('Email')).toHaveValue(email);
  await newcomer.getByLabel('Your name').fill('Nina Newcomer');
  await newcomer.getByLabel('Password').fill('correct horse battery staple');
  await newcomer.getByRole('button', { name: 'Create account' }).click();
  await expect(newcomer.getByRole('link', { name: 'Team onboarding', exact: true })).toBeVisible();
  await expect(
    newcomer.getByRole('combobox', { name: 'Workspace' }).locator('option:checked'),
  ).toHaveText('Design team');
});

test('a map made in the personal workspace goes into a team workspace made for it from its Share dialog, ready to invite', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  const workspace = page.getByRole('combobox', { name: 'Workspace' });
  const personal = workspace.locator('option').filter({ hasText: /'s maps$/ });
  await workspace.selectOption((await personal.getAttribute('value')) ?? '');
  await mapList.createMap('Renewal journey');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share this map' });
  await expect(share).toContainText('this map moves into it');
  await share.getByRole('button', { name: 'Create a team workspace for this map' }).click();
  const create = page.getByRole('dialog', { name: 'New workspace' });
  await expect(create).toContainText('“Renewal journey” moves into it');
  await create.getByLabel('Name').fill('Renewals team');
  await create.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Members of Renewals team' })).toBeVisible();

  // The map is among the team's maps.
  await mapList.goto();
  await workspace.selectOption({ label: 'Renewals team' });
  await expect(page.getByRole('link', { name: 'Renewal journey' })).toBeVisible();
});

test('someone with an account who follows an invitation signs in from its page and is asked to join', async ({
  page,
  teamWorkspaceId,
  browser,
  baseURL,
}) => {
  // Invited under an address with no account; they have one under another.
  const invited = (await (
    await page.request.post(routePath(routes.workspaces.addMember, { id: teamWorkspaceId }), {
      data: { email: `other-${randomUUID().slice(0, 8)}@example.test`, role: 'editor' },
    })
  ).json()) as { invite: { url: string } };
  const setUp = await browser.newContext({ baseURL });
  const account = await signUp(setUp);
  await setUp.close();

  const context = await browser.newContext({ baseURL });
  const guest = await context.newPage();
  await guest.goto(new URL(invited.invite.url).pathname + new URL(invited.invite.url).search);
  await guest.getByRole('link', { name: 'Sign in' }).click();
  await guest.getByLabel('Email').fill(account.email);
  await guest.getByLabel('Password').fill(E2E_PASSWORD);
  await guest.getByRole('button', { name: 'Sign in' }).click();
  // Back on the invitation, which now offers to join with the account just signed in.
  await expect(
    guest.getByRole('heading', { name: `Join E2E team as ${account.name}` }),
  ).toBeVisible();
  await guest.getByRole('button', { name: 'Join workspace' }).click();
  // And opens that workspace.
  await expect(
    guest.getByRole('combobox', { name: 'Workspace' }).locator('option:checked'),
  ).toHaveText('E2E team');
  await context.close();
});
