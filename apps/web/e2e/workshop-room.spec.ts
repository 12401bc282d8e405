import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { openWorkshopTools, WorkshopTools } from './pages/workshop-tools.ts';

// Four browsers on one map: give each step room on a busy machine (waits for what people
// see, not timing goals).
const expect = baseExpect.configure({ timeout: 30_000 });
const expectLive = (board: BoardPage) => expect(board.connectionStatus()).toHaveText('Live');

test.use({ accountName: 'Fiona Facilitator' });

async function joinWorkshop(page: Page, joinUrl: string, name: string): Promise<BoardPage> {
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  const board = new BoardPage(page);
  await expectLive(board);
  // A participant's workshop tools (raise hand, react): open, so what they lack is checked there.
  await openWorkshopTools(page);
  return board;
}

/** A team member who comments: their board is read-only, its status says " · Live". */
async function openAsCommenter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');
}

const STAGES = [/Problem occurs/, /Seeks help/, /Contacts support/, /Resolution/, /Follow-up/];
/** The facilitator's drag under the structure lock: the first stage after the second. */
const DRAGGED = [/Seeks help/, /Problem occurs/, /Contacts support/, /Resolution/, /Follow-up/];
const card = (p: Page, text: string) =>
  p.getByTestId('card').and(p.getByLabel(text, { exact: true }));
/** Moves `p`'s mouse onto the card with `text`, in steps, as a hand would. */
async function pointAt(p: Page, text: string): Promise<void> {
  await card(p, text).hover({ position: { x: 10, y: 10 } }); // scrolled into view first
  const box = (await card(p, text).boundingBox())!;
  await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
}

// One room, one browser: a facilitator and three participants (a workshop
// guest who joined by link, two team members who comment) through a whole
// session — each facilitation tool checked from every seat.
test('a workshop room: timer, a private voting round, a silent brainstorm, a structure lock and "bring everyone to me"', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  // Four people (four browsers) and five tools in one session: far longer than one
  // feature's test on a shared two-core machine (a wait for the machine, not a timing goal).
  test.setTimeout(480_000);
  await mapList.goto();
  const facilitator = await mapList.createMap('Support workshop', 'Customer support');
  const joinUrl = await facilitator.createWorkshopLink({ structureLocked: false });
  await page.getByRole('button', { name: 'Done' }).click();

  const guestPage = await openSecondBrowser({ signedIn: false });
  const guest = await joinWorkshop(guestPage, joinUrl, 'Gabi from Support');
  const caraPage = await openSecondBrowser({ name: 'Cara Commenter', role: 'commenter' });
  await openAsCommenter(caraPage, page.url());
  const colePage = await openSecondBrowser({ name: 'Cole Commenter', role: 'commenter' });
  await openAsCommenter(colePage, page.url());
  const participants = [guestPage, caraPage, colePage];
  const everyone = [page, ...participants];

  // ── The timer: started by the facilitator, the same for everyone. ──
  await new WorkshopTools(page).startTimer('10');
  for (const p of participants) {
    // Counting down from 10 minutes (how far depends on how fast the machine is).
    await expect(new WorkshopTools(p).timer()).toContainText(/^\D*(10:00|\d:\d\d)/);
    await expect(new WorkshopTools(p).controls()).toHaveCount(0);
  }
  // A laptop's 1,366 px hold the facilitator's whole header — the timer's controls, the
  // three others' avatars beside their own — with nothing pushed off screen.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(
    page
      .getByRole('group', { name: 'People on this map' })
      .getByRole('button', { name: /^Follow / }),
  ).toHaveCount(3);
  const header = page.getByRole('banner');
  await expect(header.locator('> :last-child')).toBeInViewport({ ratio: 1 });
  expect(
    await header.evaluate((element) => {
      const box = element as unknown as { scrollWidth: number; clientWidth: number };
      return box.scrollWidth - box.clientWidth;
    }),
  ).toBeLessThanOrEqual(0);

  // ── Voting: nobody sees anyone's votes until the reveal. ──
  const queue = '25-minute queue on the phone';
  const articles = 'Help articles are out of date';
  const voteFor = (p: Page, text: string) => p.getByRole('button', { name: `Vote for ${text}` });
  // Where a voter's pointer rests would tell what they vote for: until the results, nobody's
  // pointer (or selected card) is shared. Before the round, Gabi's shows on the facilitator's board.
  const gabisPointer = page
    .getByTestId('presence-cursor')
    .and(page.locator('[data-name="Gabi from Support"]'));
  await pointAt(guestPage, queue);
  await expect(gabisPointer).toBeVisible();
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  const setup = page.getByRole('dialog', { name: 'Start a voting round' });
  await setup.getByLabel('Question').fill('Which pain hurts most?');
  const lanes = setup.getByRole('group', { name: 'Cards in these lanes take votes' });
  for (const box of await lanes.getByRole('checkbox').all()) await box.uncheck();
  await lanes.getByRole('checkbox', { name: 'Pain points' }).check();
  await setup.getByRole('button', { name: 'Start voting' }).click();
  await expect(gabisPointer).toHaveCount(0);
  await expect(guestPage.getByRole('region', { name: 'Voting' })).toContainText(
    'Votes and pointers stay hidden until the results',
  );
  await pointAt(guestPage, queue);
  await voteFor(guestPage, queue).click();
  await voteFor(caraPage, queue).click();
  await voteFor(colePage, articles).click();
  await expect(card(guestPage, queue).getByLabel('Your votes: 1')).toBeVisible();
  await expect(card(colePage, articles).getByLabel('Your votes: 1')).toBeVisible();
  // Cole sees his own vote only: none on the card two others voted for, no counts anywhere.
  await expect(card(colePage, queue).getByLabel('Your votes: 0')).toBeVisible();
  for (const p of everyone) await expect(p.getByLabel(/^\d+ votes?$/)).toHaveCount(0);
  await page.getByRole('button', { name: 'End voting and show results' }).click();
  for (const p of everyone) {
    const ranked = p
      .getByRole('complementary', { name: 'Voting results' })
      .getByRole('list', { name: 'Ranked cards' })
      .getByRole('listitem');
    await expect(ranked.first()).toHaveAccessibleName(`${queue}: 2 votes`);
    await expect(card(p, queue).getByLabel('2 votes')).toBeVisible();
  }
  await pointAt(guestPage, articles);
  await expect(gabisPointer).toBeVisible();

  // ── Silent brainstorm: a private card is on its author's screen only, until the reveal. ──
  const idea = 'Nobody tells me my ticket number';
  await expect(guestPage.getByRole('button', { name: 'Start a silent brainstorm' })).toHaveCount(0);
  // Started from the keyboard, focus goes on to the reveal, not to the page's body.
  await page.getByRole('button', { name: 'Start a silent brainstorm' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Reveal everyone’s cards' })).toBeFocused();
  const guestBanner = guestPage.getByRole('region', { name: 'Silent brainstorm' });
  await expect(guestBanner).toContainText('only you see the cards you add');
  // The shared board is read-only for participants meanwhile; private cards are theirs to add.
  await expect(
    guestPage.getByRole('button', { name: 'Add card to Pain points in Seeks help' }),
  ).toHaveCount(0);
  await guestPage
    .getByRole('button', { name: 'Add private card to Pain points in Seeks help' })
    .click();
  await guestPage.getByLabel('Private card text').fill(idea);
  await guestPage.getByLabel('Private card text').press('Control+Enter');
  const privateCard = guestPage.getByTestId('private-card').and(guestPage.getByLabel(idea));
  await expect(privateCard).toContainText('Private');
  // A second idea, still being written when the page reloads.
  const halfWritten = 'The form forgets what I typed';
  await guestPage
    .getByRole('button', { name: 'Add private card to Touchpoints in Seeks help' })
    .click();
  await guestPage.getByLabel('Private card text').fill(halfWritten);
  await guestPage.reload();
  await expectLive(guest);
  // Both are there: the saved one, and the one being written, sent as the board came back (it
  // was lost: a private card is sent only when its editor closes).
  await expect(privateCard).toBeVisible();
  await expect(
    guestPage
      .getByRole('list', { name: 'Your private cards in Touchpoints, Seeks help' })
      .getByTestId('private-card'),
  ).toHaveAccessibleName(halfWritten);
  // Nobody else has it — the facilitator included — while the round runs.
  for (const p of [page, caraPage, colePage]) {
    await expect(p.getByRole('region', { name: 'Silent brainstorm' })).toBeVisible();
    await expect(p.getByText(idea)).toHaveCount(0);
  }
  await expect(caraPage.getByRole('button', { name: /^Reveal/ })).toHaveCount(0);

  await page
    .getByRole('region', { name: 'Silent brainstorm' })
    .getByRole('button', { name: 'Reveal everyone’s cards' })
    .click();
  for (const p of everyone) {
    await expect(card(p, idea)).toContainText('by Gabi from Support');
    await expect(p.getByRole('region', { name: 'Silent brainstorm' })).toHaveCount(0);
  }
  await expect(guestPage.getByTestId('private-card')).toHaveCount(0);
  await expect(
    guestPage.getByRole('button', { name: 'Add card to Pain points in Seeks help' }),
  ).toBeVisible();

  // ── Structure lock: the participant can't drag a stage; the facilitator can. ──
  await new WorkshopTools(page).toggleStructureLock();
  await expect(guestPage.getByRole('button', { name: 'Stage Seeks help is locked' })).toBeVisible();
  await guest.dragStage('Problem occurs', 'Seeks help');
  await expect(guest.stageHeaders()).toHaveText(STAGES);
  await expect(facilitator.stageHeaders()).toHaveText(STAGES);
  await facilitator.dragStage('Problem occurs', 'Seeks help');
  for (const p of everyone) await expect(new BoardPage(p).stageHeaders()).toHaveText(DRAGGED);

  // ── "Bring everyone to me": every participant follows the facilitator's view. ──
  await page.getByRole('button', { name: 'Bring everyone to me' }).click();
  for (const p of participants) {
    await expect(
      p.getByRole('status').filter({ hasText: 'Following Fiona Facilitator’s view' }),
    ).toBeVisible();
  }
});
