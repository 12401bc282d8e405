/// <reference lib="dom" />
// Functions passed to evaluate run in the browser, hence the DOM types.
import { routePath, routes } from '@journeyboard/shared';
import type { Page } from '@playwright/test';
import { axeAudit } from './fixtures/axe.ts';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';

test.use({ accountName: 'Dana Director' });

const mapIdOf = (page: Page) => /\/maps\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const { violations } = await axeAudit(page)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(', ')}`);
  expect(serious, what).toEqual([]);
}

test('the briefing’s emotion chart takes its section’s width, each point over its stage’s whole name', async ({
  page,
  mapList,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await mapList.goto();
  await mapList.createMap('Wide chart', 'B2B SaaS onboarding');
  // Longer than the 14 characters names used to be cut to, with room to show whole.
  await page.getByRole('button', { name: 'Rename stage Invite team', exact: true }).click();
  await page.getByLabel('Stage title').fill('Invite the whole team');
  await page.getByLabel('Stage title').press('Enter');
  await page.getByRole('link', { name: 'Leadership briefing' }).click();

  const section = page.getByRole('region', { name: 'Emotion across the journey' });
  await expect(section.getByRole('img', { name: /^Emotion across the stages/ })).toBeVisible();
  await expect(section.getByText('Invite the whole team', { exact: true })).toBeVisible();
  const chart = await section.evaluate((element) => {
    const width = element.querySelector('svg[role="img"]')!.getBoundingClientRect().width;
    const middle = (item: Element) => {
      const box = item.getBoundingClientRect();
      return box.left + box.width / 2;
    };
    const points = Array.from(element.querySelectorAll('svg circle[data-stage-id]'));
    const names = Array.from(element.querySelectorAll('li[data-stage-id]'));
    return {
      spread: (middle(points.at(-1)!) - middle(points[0]!)) / width,
      apart: points.map((point) => {
        const name = names.find(
          (item) => item.getAttribute('data-stage-id') === point.getAttribute('data-stage-id'),
        );
        return name ? Math.abs(middle(point) - middle(name)) : Infinity;
      }),
      cut: names.filter((item) => item.scrollWidth > item.clientWidth).length,
    };
  });
  // Six equal columns: from the middle of the first to the middle of the last is 5/6 of the width.
  expect(chart.spread, 'the points spread over the chart’s width').toBeGreaterThan(0.8);
  expect(Math.max(...chart.apart), 'each point over its stage’s name').toBeLessThan(2);
  expect(chart.cut, 'names cut that have room').toBe(0);
});

test('evidence set on a card shows its mark, and "Backed by evidence" keeps only observed and reported cards', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Evidence journey');
  await board.addCard({ stage: 'Purchase', lane: 'Pain points' }, 'Coupon field is hidden');
  await board.addCard({ stage: 'Onboarding', lane: 'Pain points' }, 'Shipping cost surprises');

  // Keyboard only: open the card, pick a level, write a source, close.
  const card = board.card('Coupon field is hidden');
  await card.getByRole('button', { name: 'Coupon field is hidden' }).focus();
  await page.keyboard.press('Enter');
  const level = page.getByRole('combobox', { name: 'Evidence' });
  await expect(level).toHaveValue('');
  await level.selectOption('observed');
  await page.getByRole('textbox', { name: 'Sources' }).fill('Checkout study, May');
  await page.keyboard.press('Escape');

  await expect(card).toHaveAttribute('data-evidence', 'observed');
  await expect(card.getByText('Evidence: Observed')).toBeAttached();
  await expect(board.card('Shipping cost surprises')).not.toHaveAttribute('data-evidence', /.+/);

  const filter = page.getByRole('button', { name: 'Backed by evidence' });
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(card).toBeVisible();
  await expect(board.card('Shipping cost surprises')).toBeHidden();
  await filter.click();
  await expect(board.card('Shipping cost surprises')).toBeVisible();

  // The legend says what each mark means; the sources were kept after a reload.
  await page.getByRole('button', { name: 'Evidence legend' }).click();
  await expect(page.getByRole('dialog', { name: 'Evidence legend' })).toContainText('Hypothesised');
  await expectNoSeriousViolations(page, 'board with the evidence legend');
  await page.reload();
  await board.expectLive();
  await board
    .card('Coupon field is hidden')
    .getByRole('button', { name: 'Coupon field is hidden' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Sources' })).toHaveValue('Checkout study, May');
});

test('the briefing ranks the pain point the room voted for first, live, and a share link set to the briefing opens on it', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  await mapList.createMap('Briefed journey', 'B2B SaaS onboarding');
  const mapId = mapIdOf(page);

  await page.getByRole('link', { name: 'Leadership briefing' }).click();
  await expect(page).toHaveURL(new RegExp(`/maps/${mapId}/briefing$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Briefed journey' })).toBeVisible();
  const top = page.getByRole('list', { name: 'Top pain points' }).getByRole('listitem');
  // Before any vote: the high-severity pain point leads, with its stage and evidence.
  await expect(top.first()).toContainText('CRM connection needs admin rights');
  await expect(top.first()).toContainText('Setup');
  await expect(top.first()).toContainText('Observed');
  await expect(page.getByRole('list', { name: 'Emotional lows' })).toContainText('Setup');
  await expect(page.getByText('Quick wins')).toBeVisible();
  const roomVote = page.getByRole('region', { name: 'The room’s last vote' });
  await expect(roomVote).toContainText('No voting round has ended yet');
  await expectNoSeriousViolations(page, 'briefing');

  // A voting round (through the API the board's buttons call): three votes on a medium pain point.
  const boardPage = await openSecondBrowser({ name: 'Ed Editor' });
  const board = new BoardPage(boardPage);
  await board.open(`/maps/${mapId}`);
  // On the map when the round ends, so the results open there.
  await board.expectEventsLive();
  const target = boardPage.locator('[data-card-id]', {
    hasText: 'Empty workspace with no sample data',
  });
  const targetId = (await target.getAttribute('data-card-id')) ?? '';
  const round = (await (
    await page.request.post(routePath(routes.voting.start, { id: mapId }), {
      data: {
        question: 'Which pain hurts most?',
        votesPerPerson: 3,
        maxPerCard: 3,
        laneKinds: ['pain'],
      },
    })
  ).json()) as { id: string };
  for (let vote = 0; vote < 3; vote += 1) {
    const cast = await page.request.post(routePath(routes.voting.vote, { id: round.id }), {
      data: { cardId: targetId },
    });
    expect(cast.ok()).toBe(true);
  }
  const ended = await page.request.post(routePath(routes.voting.end, { id: round.id }));
  expect(ended.ok()).toBe(true);
  // The open briefing follows the reveal: 2 × (3 + 1) = 8 beats 3 × 1.
  await expect(top.first()).toContainText('Empty workspace with no sample data');
  await expect(top.first()).toContainText('3 votes');
  // What the room was asked and what it chose, as revealed (the ranking alone said neither).
  await expect(roomVote).toContainText('“Which pain hurts most?” · ended');
  await expect(
    roomVote.getByRole('list', { name: 'What the room voted for' }).getByRole('listitem'),
  ).toHaveText(['Empty workspace with no sample dataFirst login · Pain points · 3 votes']);

  // A board edit shows up in the open briefing without a reload.
  await expect(boardPage.getByRole('complementary', { name: 'Voting results' })).toContainText(
    'Which pain hurts most?',
  );
  await boardPage.getByRole('button', { name: 'Close results' }).click();
  await boardPage
    .locator('[data-card-id]', { hasText: 'Per-seat pricing is hard to justify' })
    .getByRole('button', { name: 'Per-seat pricing is hard to justify' })
    .click();
  await boardPage.getByRole('button', { name: 'Severity high' }).click();
  await boardPage.keyboard.press('Escape');
  await expect(top.filter({ hasText: 'Per-seat pricing is hard to justify' })).toContainText(
    'High severity',
  );

  // The owner makes a read-only link that opens on the briefing.
  const created = (await (
    await page.request.post(routePath(routes.sharing.createShareLink, { id: mapId }), {
      data: { opensOn: 'briefing' },
    })
  ).json()) as { url: string };
  const leader = await openSecondBrowser({ signedIn: false });
  await leader.setViewportSize({ width: 375, height: 812 });
  await leader.goto(new URL(created.url).pathname);
  await expect(leader.getByText('Leadership briefing', { exact: true })).toBeVisible();
  await expect(
    leader.getByRole('list', { name: 'Top pain points' }).getByRole('listitem').first(),
  ).toContainText('Empty workspace with no sample data');
  // Readable on a phone: nothing wider than the screen.
  const overflow = await leader.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(leader, 'briefing on a share link, phone');
  await leader.getByRole('button', { name: 'Open the board' }).click();
  await expect(leader.getByText('View only')).toBeVisible();
  // Each page has its own address: Back returns to the briefing, and the briefing's
  // address opens on it whatever the link's own choice (a leader forwards it).
  const linkPath = new URL(created.url).pathname;
  await expect(leader).toHaveURL(new RegExp(`${linkPath}/board$`));
  await leader.getByRole('button', { name: 'Leadership briefing' }).click();
  await expect(leader).toHaveURL(new RegExp(`${linkPath}/briefing$`));
  await leader.goBack();
  await expect(leader.getByText('View only')).toBeVisible();
  await leader.goBack();
  await expect(leader.getByText('Leadership briefing', { exact: true })).toBeVisible();
  await leader.goto(`${linkPath}/board`);
  await expect(leader.getByText('View only')).toBeVisible();
});

test('the owner chooses in the share dialog that a link opens on the briefing', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Shared briefing');
  const url = await board.createShareLink();
  await page.getByLabel('Read-only link 1 opens on').selectOption('briefing');
  await expect(page.getByLabel('Read-only link 1 opens on')).toHaveValue('briefing');
  const leader = await openSecondBrowser({ signedIn: false });
  // A map never reviewed is a normal state, not a failed request in the leader's console.
  const refused: string[] = [];
  leader.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  await leader.goto(new URL(url).pathname);
  await expect(leader.getByRole('heading', { level: 1, name: 'Shared briefing' })).toBeVisible();
  await expect(leader.getByText('No pain points on the map yet.')).toBeVisible();
  await expect(leader.getByText('No personas linked to this map yet.')).toBeVisible();
  // Never reviewed: the leader is told who starts the comparison, not to do it themselves.
  const sinceReview = leader.getByRole('region', { name: 'What changed since the last review' });
  await expect(sinceReview).toContainText('It starts once the team marks the map as reviewed.');
  await expect(sinceReview).not.toContainText('Mark it as reviewed on the board');
  expect(refused).toEqual([]);

  // The owner renames the map: the leader's briefing shows the new name, without a reload.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Rename map Shared briefing' }).click();
  await page.getByLabel('Map title').fill('Shared briefing, Q3');
  await page.keyboard.press('Enter');
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText('Shared briefing, Q3');
});

test('a read-only link’s briefing says the map’s status, owner and next review, and spells out the day; personas in the colours a team can pick read clearly on it and on the board (axe); “Briefing” is labelled wherever “Present” is (1366 and 1920 px)', async ({
  page,
  mapList,
  teamWorkspaceId,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Reviewed journey', 'B2B SaaS onboarding');
  const me = (await (await page.request.get('/api/me')).json()) as { user: { id: string } };
  const lifecycle = await page.request.patch(`/api/maps/${mapIdOf(page)}/lifecycle`, {
    data: { status: 'current', ownerId: me.user.id, nextReviewOn: '2027-01-15' },
  });
  expect(lifecycle.status()).toBe(200);
  // Orange, green and teal: white initials on them were under 4.5:1.
  const ids: string[] = [];
  for (const [name, color] of [
    ['Olivia Ops', '#ea580c'],
    ['Gus Growth', '#16a34a'],
    ['Tara Tech', '#0d9488'],
  ] as const) {
    const created = await page.request.post(`/api/workspaces/${teamWorkspaceId}/personas`, {
      data: { name, color },
    });
    ids.push(((await created.json()) as { id: string }).id);
  }
  await page.request.put(`/api/maps/${mapIdOf(page)}/personas`, { data: { personaIds: ids } });
  const shareUrl = await board.createShareLink();
  await page.keyboard.press('Escape');

  const leader = await openSecondBrowser({ signedIn: false });
  await leader.goto(`${shareUrl}/briefing`);
  const article = leader.getByRole('article', { name: 'Reviewed journey' });
  // The briefing's own header (each persona card has one too).
  const briefingHeader = article.locator('header').first();
  await expect(briefingHeader.getByTestId('map-status')).toHaveText('Current state');
  await expect(briefingHeader.getByTestId('map-owner')).toHaveText('Owner: Dana Director');
  await expect(briefingHeader.getByTestId('next-review')).toHaveText('Review by Jan 15, 2027');
  const today = new Date().toLocaleDateString('en-US', { dateStyle: 'long' });
  await expect(briefingHeader).toContainText(`Live: follows every change to the map. ${today}`);
  await expect(leader.getByRole('heading', { name: 'Olivia Ops' })).toBeVisible();
  await expectNoSeriousViolations(leader, 'briefing with personas');
  await leader.getByRole('button', { name: 'Open the board' }).click();
  const personas = leader.getByRole('button', { name: /^Personas/ });
  await personas.click();
  await expect(leader.getByRole('heading', { name: 'Tara Tech' })).toBeVisible();
  await expectNoSeriousViolations(leader, 'board with the personas panel open');
  await personas.click();
  await expect(leader.getByRole('heading', { name: 'Tara Tech' })).toHaveCount(0);

  /** A header word on screen: drawn at its size, not kept only for screen readers. */
  const shown = (word: ReturnType<Page['getByText']>) =>
    word.evaluate((element) => element.getBoundingClientRect().width > 20);
  const header = (on: Page) => on.locator('.board-header');
  // Always in words on a read-only link…
  for (const width of [1366, 1920]) {
    await leader.setViewportSize({ width, height: 768 });
    const briefing = leader.getByRole('button', { name: 'Leadership briefing' });
    await expect(briefing).toHaveText('Briefing');
    expect(await shown(header(leader).getByText('Present', { exact: true })), `${width} px`).toBe(
      true,
    );
    expect(await shown(briefing.getByText('Briefing')), `${width} px`).toBe(true);
  }
  // …and on the team's board where the header has words.
  for (const width of [1366, 1920]) {
    await page.setViewportSize({ width, height: 768 });
    const present = await shown(header(page).getByText('Present', { exact: true }));
    const briefing = page.getByRole('link', { name: 'Leadership briefing' });
    await expect(briefing).toHaveText('Briefing');
    expect(await shown(briefing.getByText('Briefing')), `${width} px: as Present`).toBe(present);
  }
});
