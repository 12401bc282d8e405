import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';
import { CommentsPanel } from './pages/comments-panel.ts';
import { openWorkshopTools, startEveryoneRates } from './pages/workshop-tools.ts';

test.use({ accountName: 'Fiona Facilitator' });

const LAPTOP = { width: 1280, height: 800 };

const height = async (locator: Locator) => (await locator.boundingBox())!.height;
/** Whether words take room on screen (clipped to a pixel, they are there for screen readers only). */
const takesRoom = (locator: Locator) =>
  locator.evaluate((element) => element.getBoundingClientRect().width > 1);

/** The three workshop banners the room sees at once, from either seat. */
const banners = (p: Page) => [
  p.getByRole('region', { name: 'Voting' }),
  p.getByRole('region', { name: 'Everyone rates' }),
  p.getByRole('region', { name: 'Silent brainstorm' }),
];

// A facilitator often runs a vote, a rating and a silent brainstorm together; on a laptop four
// full-width banners (two of them two lines high) and a lock notice left the board half the screen.
test('on a laptop, several workshop banners keep to one line each, and a participant’s structure lock sits beside the map’s title', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await page.setViewportSize(LAPTOP);
  await mapList.goto();
  const facilitator = await mapList.createMap('Support workshop', 'Customer support');
  // The Share dialog's default: the link also locks the stages and lanes for participants.
  const joinUrl = await facilitator.createWorkshopLink();
  await page.getByRole('button', { name: 'Done' }).click();
  const guestPage = await openSecondBrowser({ signedIn: false });
  await guestPage.setViewportSize(LAPTOP);
  await guestPage.goto(joinUrl);
  await guestPage.getByLabel('Your name').fill('Gabi from Support');
  await guestPage.getByRole('button', { name: 'Join' }).click();

  // The participant's lock is a state of the whole session: in the header, not over the board.
  const header = guestPage.getByRole('banner');
  await expect(header.getByText('Structure locked')).toBeVisible();
  await expect(
    guestPage.getByRole('status').filter({ hasText: 'locked the board’s structure' }),
  ).toHaveCount(1);
  await expect(guestPage.locator('.banner-stack')).toBeEmpty();

  // A vote alone explains itself.
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  const setup = page.getByRole('dialog', { name: 'Start a voting round' });
  await setup.getByLabel('Question').fill('Which pain hurts most?');
  await setup.getByRole('button', { name: 'Start voting' }).click();
  const secrecy = (p: Page) =>
    p.getByRole('region', { name: 'Voting' }).getByText('Votes and pointers stay hidden');
  expect(await takesRoom(secrecy(page))).toBe(true);

  // The whole board on the laptop, with the comments open: one-line cards, the vote's button,
  // a chip and a thread's badge on a line — and some of every card's words (one showed none).
  await new CommentsPanel(page).commentOnCard(
    facilitator.card('Chatbot cannot hand over the conversation'),
    'Seen in 40 % of the tickets',
  );
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  const narrowestText = await page
    .getByTestId('card')
    .evaluateAll((cards) =>
      Math.min(
        ...cards.map((card) => card.querySelector('.card__text')!.getBoundingClientRect().width),
      ),
    );
  expect(narrowestText).toBeGreaterThanOrEqual(20);
  await page.getByRole('button', { name: 'Close comments' }).click();

  await startEveryoneRates(page);
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Start a silent brainstorm' }).click();

  for (const p of [page, guestPage]) {
    for (const banner of banners(p)) {
      await expect(banner).toBeVisible();
      // One line: a button's height and a little (two lines were 76 px and more).
      expect(await height(banner)).toBeLessThanOrEqual(48);
    }
    // The explanations give way, still there for screen readers.
    await expect(secrecy(p)).toHaveCount(1);
    expect(await takesRoom(secrecy(p))).toBe(false);
  }
  // A participant is still told why the board doesn't take their edits meanwhile; and their
  // header no longer says "cards are yours to edit" (the brainstorm holds the whole board).
  const guestBrainstorm = guestPage.getByRole('region', { name: 'Silent brainstorm' });
  expect(await takesRoom(guestBrainstorm.getByText(/the shared board is read-only/))).toBe(true);
  await expect(header.getByText('Structure locked')).toHaveCount(0);
  // Every facilitator's button is on screen, at the end of its banner's one line.
  for (const name of ['End voting and show results', 'Reveal scores', 'Reveal everyone’s cards']) {
    await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
  }
});
