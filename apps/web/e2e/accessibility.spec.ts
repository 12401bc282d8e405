import { routePath, routes } from '@journeyboard/shared';
import type { Page } from '@playwright/test';
import { axeAudit } from './fixtures/axe.ts';
import { expect, test } from './fixtures/index.ts';
import { openWorkshopTools } from './pages/workshop-tools.ts';

// An axe run takes about a second on a big board (fixtures/axe.ts says how), several on a
// busy two-core machine; a test audits several pages in turn.
test.describe.configure({ timeout: 120_000 });

/**
 * Every page, audited by axe-core against WCAG 2.1 A and AA: no serious or
 * critical violation. A failure lists each rule with the elements it found,
 * so the message says what to fix.
 */
/**
 * The rules a change of colours alone can break: a page already audited in the light theme
 * needs only these again in the dark one (its structure, names and roles are the same).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function expectAccessible(
  page: Page,
  what: string,
  /** Only these parts of the page (CSS selectors); default the whole page. */
  only: readonly string[] = [],
  /** Only these rules (axe ids); default every WCAG 2.1 A and AA rule. */
  rules?: readonly string[],
): Promise<void> {
  let builder = axeAudit(page);
  builder = rules
    ? builder.withRules([...rules])
    : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of only) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n'),
    );
  expect(serious, `${what}:\n${serious.join('\n')}`).toEqual([]);
}

test('the pages without an account pass an accessibility audit', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign in');
  await page.goto('/signup');
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await page.getByRole('button', { name: 'Create account' }).click(); // with its errors shown
  await expectAccessible(page, 'sign up');
  await page.goto('/nowhere');
  await expectAccessible(page, 'not found');
  await context.close();
});

test('the map list, the board and its panels pass an accessibility audit', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  await expect(page.getByRole('heading', { level: 1, name: 'Journey maps' })).toBeVisible();
  await expectAccessible(page, 'map list (empty)');

  await mapList.createMap('Audited journey', 'Customer support');
  await expectAccessible(page, 'board');
  // The board is audited: what opens over it, on its own (an audit of the whole board costs
  // seconds each time on a two-core machine).
  await page.getByRole('button', { name: /^Comments/ }).click();
  await expectAccessible(page, 'comments panel', ['.side-slot--right']);
  await page.getByRole('button', { name: 'Close comments' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'share dialog', ['[role="dialog"]']);

  await mapList.goto();
  await expect(page.getByRole('link', { name: 'Audited journey' })).toBeVisible();
  await expectAccessible(page, 'map list');
});

test('the workspace pages, a share link, its password form and a workshop join pass an accessibility audit', async ({
  page,
  mapList,
  teamWorkspaceId,
  browser,
  baseURL,
}) => {
  await mapList.goto();
  await mapList.createMap('Shared journey');
  const mapId = new URL(page.url()).pathname.split('/').at(-1)!;

  const share = (await (
    await page.request.post(routePath(routes.sharing.createShareLink, { id: mapId }), { data: {} })
  ).json()) as { url: string };
  const protectedShare = (await (
    await page.request.post(routePath(routes.sharing.createShareLink, { id: mapId }), {
      data: { password: 'river stone 42' },
    })
  ).json()) as { url: string };
  const workshop = (await (
    await page.request.post(routePath(routes.sharing.createWorkshopLink, { id: mapId }), {
      data: {},
    })
  ).json()) as { url: string };

  for (const [path, what] of [
    [`/workspaces/${teamWorkspaceId}/personas`, 'personas'],
    [`/workspaces/${teamWorkspaceId}/members`, 'members'],
    ['/mentions', 'mentions'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, what);
  }

  // What a leader and a workshop guest open, in a browser without an account.
  const anonymous = await browser.newContext({ baseURL });
  const viewer = await anonymous.newPage();
  await viewer.goto(new URL(share.url).pathname);
  await expect(viewer.getByText('View only')).toBeVisible();
  await expect(viewer.getByTestId('stage-header').first()).toBeVisible();
  await expectAccessible(viewer, 'share link view');
  await viewer.goto(new URL(protectedShare.url).pathname);
  await viewer.getByLabel('Password').fill('not it');
  await viewer.getByLabel('Password').press('Enter'); // with its error shown
  await expect(viewer.getByRole('alert')).toContainText('That password is not right.');
  await expectAccessible(viewer, 'share link password form');
  await viewer.goto(new URL(workshop.url).pathname);
  await expect(viewer.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
  await expectAccessible(viewer, 'workshop join');
  await anonymous.close();
});

test('the workshop tools — timer, voting setup, a running round, the results — pass an accessibility audit', async ({
  page,
  mapList,
}) => {
  // The workshop's own parts: the header tools, the banner, the cards' vote
  // controls, the dialogs and the results panel.
  const workshopParts = [
    '.board-header__tools',
    '.workshop-tools',
    '.voting-banner',
    '.card-votes',
    '.card-votes__count',
    '[role="dialog"]',
    '.voting-results',
  ];
  await mapList.goto();
  await mapList.createMap('Audited workshop', 'B2B SaaS onboarding');
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Timer', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Start a timer' })).toBeVisible();
  await expectAccessible(page, 'timer setup', workshopParts);
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('timer', { name: 'Workshop timer' })).toBeVisible();
  await expectAccessible(page, 'a running timer', workshopParts);

  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Start a voting round' })).toBeVisible();
  await expectAccessible(page, 'voting setup', workshopParts);
  await page.getByRole('button', { name: 'Start voting' }).click();
  await expect(page.getByRole('region', { name: 'Voting' })).toBeVisible();
  await page.getByRole('button', { name: 'Vote for CRM connection needs admin rights' }).click();
  await expect(page.getByLabel('Your votes: 1')).toBeVisible();
  await expectAccessible(page, 'a voting round', workshopParts);
  await page.getByRole('button', { name: 'End voting and show results' }).click();
  await expect(page.getByRole('complementary', { name: 'Voting results' })).toBeVisible();
  await expectAccessible(page, 'voting results', workshopParts);
});

test('a full template board passes the audit in the light theme and in the dark one the system asks for', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  await mapList.createMap('Audited template', 'B2B SaaS onboarding');
  await expect(page.getByTestId('stage-header').first()).toBeVisible();
  // Every lane kind's cards, chips and the emotion scores written as text.
  await expectAccessible(page, 'B2B SaaS board, light');

  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  expect(await background()).toBe('rgb(15, 20, 32)');
  await expectAccessible(page, 'B2B SaaS board, dark', [], COLOUR_RULES);
  await page.screenshot({ path: test.info().outputPath('dark-board.png') });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'share dialog, dark', ['[role="dialog"]'], COLOUR_RULES);
  await page.keyboard.press('Escape');
  await mapList.goto();
  await expect(page.getByRole('link', { name: 'Audited template' })).toBeVisible();
  await expectAccessible(page, 'map list, dark', [], COLOUR_RULES);
});
