import { routePath, routes } from '@journeyboard/shared';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { seconds, WorkshopTools, openWorkshopTools } from './pages/workshop-tools.ts';

test.use({ accountName: 'Fiona Facilitator' });

/** This browser's clock runs `minutes` ahead of the server's (a laptop set wrong). */
async function skewClock(page: Page, minutes: number): Promise<void> {
  await page.addInitScript(
    `{ const real = Date.now.bind(Date); Date.now = () => real() + ${minutes * 60_000}; }`,
  );
}

async function joinWorkshop(page: Page, joinUrl: string, name: string): Promise<BoardPage> {
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  const board = new BoardPage(page);
  await board.expectLive();
  return board;
}

test('a facilitator runs the timer; a workshop guest and a leadership link whose clock is 7 minutes fast see the same time', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const facilitatorBoard = await mapList.createMap('Onboarding workshop');
  const shareUrl = await facilitatorBoard.createShareLink();
  const joinUrl = await facilitatorBoard.createWorkshopLink();
  await page.getByRole('button', { name: 'Done' }).click();
  const mapId = /\/maps\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';

  const guestPage = await openSecondBrowser({ signedIn: false });
  await joinWorkshop(guestPage, joinUrl, 'Gabi from Support');
  const leaderPage = await openSecondBrowser({ signedIn: false });
  await skewClock(leaderPage, 7);
  await leaderPage.goto(shareUrl);
  await expect(leaderPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');

  const facilitator = new WorkshopTools(page);
  const guest = new WorkshopTools(guestPage);
  const leader = new WorkshopTools(leaderPage);
  const everyone = [facilitator, guest, leader];

  // Only the facilitator is offered the timer; nobody sees one yet.
  await openWorkshopTools(page);
  await expect(page.getByRole('button', { name: 'Timer', exact: true })).toBeVisible();
  // Each facilitator tool says what it is: icons alone left facilitators guessing.
  await expect(page.getByRole('group', { name: 'Facilitate' })).toContainText(
    'Bring everyoneLocksBrainstormVoteEveryone ratesTimer',
  );
  for (const viewer of [guest, leader]) {
    await expect(viewer.controls()).toHaveCount(0);
    await expect(viewer.timer()).toHaveCount(0);
  }

  await facilitator.startTimer('5');
  for (const viewer of everyone) {
    await expect(viewer.timer()).toContainText(/^\D*(5:00|4:5\d)/);
  }

  // Paused: the same held time everywhere (the leader's clock is 7 minutes off).
  await page.getByRole('button', { name: 'Pause timer' }).click();
  await expect(facilitator.timer()).toContainText('Paused');
  const held = await facilitator.shownTime();
  for (const viewer of everyone) {
    await expect(viewer.timer()).toContainText('Paused');
    await expect(viewer.timer()).toContainText(held);
  }
  await page.getByRole('button', { name: 'Add 1 min' }).click();
  const longer = `${Math.floor((seconds(held) + 60) / 60)}:${String((seconds(held) + 60) % 60).padStart(2, '0')}`;
  for (const viewer of everyone) await expect(viewer.timer()).toContainText(longer);

  // Running again: everyone counts down together, within a second of each other.
  await page.getByRole('button', { name: 'Resume timer' }).click();
  for (const viewer of everyone) await expect(viewer.timer()).not.toContainText('Paused');
  await page.waitForTimeout(1_500);
  const shown = await Promise.all(
    everyone.map(async (viewer) => seconds(await viewer.shownTime())),
  );
  expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1);
  expect(Math.min(...shown)).toBeLessThan(seconds(longer));

  // The guest's own chime setting stays with them after a reload.
  const mute = guestPage.getByRole('button', { name: 'Mute the timer’s chime' });
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await guestPage.reload();
  await expect(guestPage.getByRole('button', { name: 'Mute the timer’s chime' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // A silent brainstorm: the leader is told why the board stands still (nothing said it).
  const brainstorm = leaderPage.getByRole('region', { name: 'Silent brainstorm' });
  await page.request.post(routePath(routes.privateMode.start, { id: mapId }));
  await expect(brainstorm).toContainText('everyone’s cards appear when the facilitator reveals');
  await page.request.post(routePath(routes.privateMode.end, { id: mapId }), {
    data: { anonymous: false },
  });
  await expect(brainstorm).toHaveCount(0);

  // The leader presents: the timer is on the projector too.
  await leaderPage.getByRole('button', { name: 'Present' }).click();
  const presentation = leaderPage.getByRole('dialog', { name: 'Presentation' });
  await expect(presentation.getByRole('timer', { name: 'Workshop timer' })).toBeVisible();

  // A script can drive the timer too: three seconds, and everyone sees time's up.
  const started = await page.request.post(routePath(routes.timer.start, { id: mapId }), {
    data: { durationSeconds: 3 },
  });
  expect(started.status()).toBe(200);
  for (const viewer of everyone) {
    await expect(viewer.page.getByText('Time’s up').first()).toBeVisible({ timeout: 8_000 });
  }

  // Stopped: it disappears for everyone.
  await page.getByRole('button', { name: 'Stop timer' }).click();
  for (const viewer of everyone) await expect(viewer.timer()).toHaveCount(0);
});

test('a dot-voting round: participants vote unseen by each other, then the facilitator reveals the ranked results to everyone', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const facilitatorBoard = await mapList.createMap('Onboarding pains', 'B2B SaaS onboarding');
  const joinUrl = await facilitatorBoard.createWorkshopLink();
  await page.getByRole('button', { name: 'Done' }).click();

  // Participants: a workshop guest, and a team member who comments (read-only board).
  const guestPage = await openSecondBrowser({ signedIn: false });
  await joinWorkshop(guestPage, joinUrl, 'Gabi from Support');
  // The guest reads the team's comments, and is told why there is no box to write one.
  await guestPage.getByRole('button', { name: /^Comments/ }).click();
  await expect(guestPage.getByRole('complementary', { name: 'Comments' })).toContainText(
    'Workshop guests can read the comments; writing one needs an account.',
  );
  await guestPage.getByRole('button', { name: 'Close comments' }).click();
  const memberPage = await openSecondBrowser({ name: 'Cara Commenter', role: 'commenter' });
  await memberPage.goto(page.url());
  await expect(memberPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');

  const crm = 'CRM connection needs admin rights';
  const pricing = 'Per-seat pricing is hard to justify';
  const invitees = 'Invitees land in the wrong workspace';
  const card = (p: Page, text: string) =>
    p.getByTestId('card').and(p.getByLabel(text, { exact: true }));
  const voteFor = (p: Page, text: string) => p.getByRole('button', { name: `Vote for ${text}` });
  const counts = (p: Page) => p.getByLabel(/^\d+ votes?$/);

  // Only the facilitator can start a round.
  await openWorkshopTools(guestPage);
  await expect(guestPage.getByRole('button', { name: 'Vote', exact: true })).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: 'Vote', exact: true })).toHaveCount(0);
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  const setup = page.getByRole('dialog', { name: 'Start a voting round' });
  await setup.getByLabel('Question').fill('Which pain points hurt most?');
  await setup.getByLabel('Votes per person').fill('3');
  const lanes = setup.getByRole('group', { name: 'Cards in these lanes take votes' });
  for (const box of await lanes.getByRole('checkbox').all()) await box.uncheck();
  await lanes.getByRole('checkbox', { name: 'Pain points' }).check();
  await setup.getByLabel('Show who voted for what when it ends').check();
  await setup.getByRole('button', { name: 'Start voting' }).click();

  for (const p of [page, guestPage, memberPage]) {
    await expect(p.getByRole('region', { name: 'Voting' })).toContainText(
      'Which pain points hurt most?',
    );
  }
  // How to vote, until the first vote: participants looked for it.
  await expect(guestPage.getByRole('region', { name: 'Voting' })).toContainText(
    '3 of 3 votes left: press Vote on a card',
  );
  // The facilitator sees how far the round has got — counts only, and only they.
  const voting = (p: Page) => p.getByRole('region', { name: 'Voting' });
  // The room is the two participants: the facilitator counts once they vote themselves.
  await expect(voting(page)).toContainText('Nobody has voted yet · 2 here can take part');
  // Only pain points take votes; the banner takes people to that lane.
  const painPoints = guestPage.locator('.lane-title').filter({ hasText: 'Pain points' });
  await voting(guestPage).getByRole('button', { name: 'Go to Pain points' }).click();
  await expect(painPoints).toBeInViewport();
  await expect(voteFor(guestPage, crm)).toHaveText('Vote');
  await expect(voteFor(guestPage, 'Invites two teammates')).toHaveCount(0);

  // The guest votes for two cards, then takes one back.
  await voteFor(guestPage, crm).click();
  await expect(card(guestPage, crm).getByLabel('Your votes: 1')).toBeVisible();
  await voteFor(guestPage, pricing).click();
  await expect(guestPage.getByRole('region', { name: 'Voting' })).toContainText(
    '1 of 3 votes left',
  );
  await expect(guestPage.getByRole('region', { name: 'Voting' })).not.toContainText('press Vote');
  await card(guestPage, pricing)
    .getByRole('button', { name: `Take back a vote from ${pricing}` })
    .click();
  await expect(guestPage.getByRole('region', { name: 'Voting' })).toContainText(
    '2 of 3 votes left',
  );
  await voteFor(guestPage, invitees).click();

  // The commenter votes too, and sees none of the guest's votes; nor does the facilitator.
  await expect(card(memberPage, crm).getByLabel('Your votes: 0')).toBeVisible();
  await voteFor(memberPage, crm).click();
  await expect(card(memberPage, crm).getByLabel('Your votes: 1')).toBeVisible();
  await expect(card(memberPage, invitees).getByLabel('Your votes: 0')).toBeVisible();
  await expect(card(guestPage, crm).getByLabel('Your votes: 1')).toBeVisible();
  for (const p of [page, guestPage, memberPage]) await expect(counts(p)).toHaveCount(0);
  // Both participants have voted: the room isn't waiting for the facilitator, who hasn't.
  await expect(voting(page)).toContainText('2 of 2 have voted (3 votes)');
  for (const p of [guestPage, memberPage]) await expect(voting(p)).not.toContainText('voted (');
  // Participants can't end the round.
  for (const p of [guestPage, memberPage]) {
    await expect(p.getByRole('button', { name: 'End voting and show results' })).toHaveCount(0);
  }

  // The reveal: the same ranked results for everyone, at once, with names.
  await page.getByRole('button', { name: 'End voting and show results' }).click();
  for (const p of [page, guestPage, memberPage]) {
    const results = p.getByRole('complementary', { name: 'Voting results' });
    await expect(results).toContainText('Which pain points hurt most?');
    await expect(results).toContainText('3 votes from 2 people');
    const ranked = results.getByRole('list', { name: 'Ranked cards' }).getByRole('listitem');
    await expect(ranked).toHaveCount(2);
    await expect(ranked.first()).toHaveAccessibleName(`${crm}: 2 votes`);
    await expect(ranked.first()).toContainText('Cara Commenter, Gabi from Support');
    await expect(ranked.nth(1)).toHaveAccessibleName(`${invitees}: 1 vote`);
    await expect(card(p, crm).getByLabel('2 votes')).toBeVisible();
    await expect(p.getByRole('region', { name: 'Voting' })).toHaveCount(0);
    await expect(voteFor(p, crm)).toHaveCount(0);
  }
  // Escape puts the results away, as it does a side panel.
  await guestPage.locator('body').press('Escape');
  await expect(guestPage.getByRole('complementary', { name: 'Voting results' })).toHaveCount(0);
});

test('the facilitator’s Timer and Locks work from the keyboard: focus goes in, Escape closes and gives it back, a click elsewhere closes', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  await mapList.createMap('Keyboard workshop', 'Customer support');
  await openWorkshopTools(page);

  const timerButton = page.getByRole('button', { name: 'Timer', exact: true });
  const timerPanel = page.getByRole('form', { name: 'Start a timer' });
  await timerButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Minutes')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(timerPanel).toBeHidden();
  await expect(timerButton).toBeFocused();
  // Escape on the button itself closes it too.
  await page.keyboard.press('Enter');
  await expect(timerPanel).toBeVisible();
  await timerButton.focus();
  await page.keyboard.press('Escape');
  await expect(timerPanel).toBeHidden();
  // A click elsewhere closes it.
  await timerButton.click();
  await expect(timerPanel).toBeVisible();
  await page.getByRole('heading', { name: 'Keyboard workshop' }).click();
  await expect(timerPanel).toBeHidden();
  // Started from the keyboard, focus goes on to the running timer's controls.
  await timerButton.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Minutes').fill('3');
  await page.keyboard.press('Enter');
  await expect(new WorkshopTools(page).timer()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause timer' })).toBeFocused();
  // Pausing keeps the focus where it was: the same button now resumes.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Resume timer' })).toBeFocused();

  const locks = page.getByRole('button', { name: 'Locks' });
  await locks.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('menuitemcheckbox', { name: 'Lock the board structure' }),
  ).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemcheckbox', { name: 'Lock the whole board' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Locks' })).toHaveCount(0);
  await expect(locks).toBeFocused();
});

test('a participant who opens the workshop link again goes back in under their name, or joins under another that frees it', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const facilitatorBoard = await mapList.createMap('Rejoin workshop');
  const joinUrl = await facilitatorBoard.createWorkshopLink();
  await page.getByRole('button', { name: 'Done' }).click();

  const guestPage = await openSecondBrowser({ signedIn: false });
  const guest = await joinWorkshop(guestPage, joinUrl, 'Gabi from Support');
  // The tab is closed and the link opened again from the chat: no name to type a second time.
  await guestPage.goto(joinUrl);
  await expect(guestPage.getByRole('heading', { name: 'Back to the workshop' })).toBeVisible();
  await expect(
    guestPage.getByText('You joined Rejoin workshop as Gabi from Support on this device.'),
  ).toBeVisible();
  await expect(guestPage.getByLabel('Your name')).toHaveCount(0);
  const carryOn = guestPage.getByRole('button', { name: 'Continue as Gabi from Support' });
  await expect(carryOn).toBeFocused();
  await guestPage.keyboard.press('Enter');
  await guest.expectLive();
  await expect(guestPage.getByTestId('guest-badge')).toHaveText('Guest: Gabi from Support');

  // Under another name: it replaces the first on this device, which anyone may then take.
  await guestPage.goto(joinUrl);
  await guestPage.getByRole('button', { name: 'Join under another name' }).click();
  await expect(guestPage.getByText('It replaces “Gabi from Support” on this device')).toBeVisible();
  // Changed their mind: back to the one-press way in, and on.
  await guestPage.getByRole('button', { name: 'Keep “Gabi from Support”' }).click();
  await guestPage.getByRole('button', { name: 'Join under another name' }).click();
  await guestPage.getByLabel('Your name').fill('Gabi B.');
  await guestPage.getByRole('button', { name: 'Join' }).click();
  await guest.expectLive();
  await expect(guestPage.getByTestId('guest-badge')).toHaveText('Guest: Gabi B.');
  const colleaguePage = await openSecondBrowser({ signedIn: false });
  const colleague = await joinWorkshop(colleaguePage, joinUrl, 'Gabi from Support');
  await expect(colleaguePage.getByTestId('guest-badge')).toHaveText('Guest: Gabi from Support');
  await colleague.expectLive();
});
