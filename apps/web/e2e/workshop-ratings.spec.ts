import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { openWorkshopTools, startEveryoneRates } from './pages/workshop-tools.ts';

// Five browsers' worth of people on one map: give each step room on a busy machine
// (these are waits for what people see, not timing goals).
const expect = baseExpect.configure({ timeout: 30_000 });

test.use({ accountName: 'Fiona Facilitator' });
// Three browsers through a whole workshop: more than the default minute on a busy machine.
test.setTimeout(300_000);

async function joinWorkshop(page: Page, joinUrl: string, name: string): Promise<void> {
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expectLive(page);
  // Raising a hand and reacting are in the workshop tools (they stay open on this device).
  await openWorkshopTools(page);
}

const expectLive = (page: Page) => expect(page.getByTestId('connection-status')).toHaveText('Live');

/** This person's own score buttons in the emotion lane, per stage in board order. */
const ownRatings = (page: Page) => page.getByTestId('own-rating');
const rate = (page: Page, stage: number, label: string) =>
  ownRatings(page).nth(stage).getByRole('button', { name: label, exact: true }).click();
const pressed = (page: Page, stage: number) =>
  ownRatings(page).nth(stage).locator('button[aria-pressed="true"]');
const band = (page: Page) => page.getByTestId('room-band-stage');
const curvePoints = (page: Page) => page.getByTestId('emotion-point');

test('everyone rates the emotion lane unseen by each other (the banner takes them to it), the facilitator reveals the band and adopts the mean; the facilitator closes the scores for everyone; hands go up in order and fold away to their count; a reaction shows on the avatar', async ({
  page,
  mapList,
  openSecondBrowser,
  playwright,
  baseURL,
}) => {
  await mapList.goto();
  await page.getByLabel('Title', { exact: true }).fill('Onboarding feelings');
  await page.getByRole('button', { name: 'Create map' }).click();
  await expectLive(page);
  const joinUrl = await new BoardPage(page).createWorkshopLink();
  await page.getByRole('button', { name: 'Done' }).click();

  const anaPage = await openSecondBrowser({ signedIn: false });
  await joinWorkshop(anaPage, joinUrl, 'Ana Participant');
  const benPage = await openSecondBrowser({ signedIn: false });
  await joinWorkshop(benPage, joinUrl, 'Ben Participant');
  const everyone = [page, anaPage, benPage];
  await expect(curvePoints(page)).toHaveCount(0);

  // Only the facilitator opens "Everyone rates".
  await openWorkshopTools(page);
  await expect(anaPage.getByRole('button', { name: 'Everyone rates' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Everyone rates' }).click();
  await page
    .getByRole('dialog', { name: 'Everyone rates' })
    .getByRole('button', { name: 'Start rating' })
    .click();
  for (const p of everyone) {
    await expect(p.getByRole('region', { name: 'Everyone rates' })).toContainText(
      'Until the reveal',
    );
  }

  // On a phone the lane to rate is below the fold: the banner takes Ben down to it, its title
  // right under the stage headers (not hidden by them), the board still at its first stage.
  await benPage.setViewportSize({ width: 390, height: 760 });
  const benEmotions = benPage
    .locator('.lane-title')
    .filter({ hasText: 'Emotions' })
    .locator('.lane-title__text');
  await expect(benEmotions).not.toBeInViewport();
  await benPage
    .getByRole('region', { name: 'Everyone rates' })
    .getByRole('button', { name: 'Go to Emotions' })
    .click();
  await expect(benEmotions).toBeInViewport();
  const headersEnd = async () => {
    const box = (await benPage.locator('.board-row--header').boundingBox())!;
    return box.y + box.height;
  };
  await expect
    .poll(async () => (await benEmotions.boundingBox())!.y - (await headersEnd()))
    .toBeGreaterThanOrEqual(0);
  await expect(
    benPage.getByTestId('stage-header').filter({ hasText: 'Awareness' }),
  ).toBeInViewport();
  await benPage.setViewportSize({ width: 1280, height: 720 });
  // Meanwhile the lane's shared scores are the facilitator's: no participant has a slider for
  // them (on a phone it sat right under their own buttons, and moved the curve for everyone).
  const sharedSlider = (p: Page) => p.getByRole('slider', { name: 'Emotion in Awareness' });
  await expect(sharedSlider(benPage)).toHaveCount(0);
  await expect(sharedSlider(anaPage)).toHaveCount(0);
  await expect(sharedSlider(page)).toHaveCount(1);
  // The team's curve is faded for those rating, so it doesn't sway their scores.
  const teamCurve = (p: Page) => p.locator('.emotion-curve');
  await expect(teamCurve(anaPage)).toHaveCSS('opacity', '0.2');

  // Scrolled sideways, a participant's score buttons pass under the lane titles, not over them.
  await anaPage.setViewportSize({ width: 900, height: 800 });
  await expect(ownRatings(anaPage)).toHaveCount(await ownRatings(page).count());
  const emotionsTitle = anaPage.locator('.lane-title').filter({ hasText: 'Emotions' });
  // (They sit under the curve, at the foot of the window: brought up into it first.)
  await ownRatings(anaPage).first().scrollIntoViewIfNeeded();
  await anaPage.locator('.board-scroll').evaluate((element) => {
    (element as unknown as { scrollLeft: number }).scrollLeft = 140;
  });
  const box = (await ownRatings(anaPage).first().boundingBox())!;
  const titleBox = (await emotionsTitle.boundingBox())!;
  expect(box.x).toBeLessThan(titleBox.x + titleBox.width); // it is under the title column
  expect(
    await anaPage.evaluate(
      ([x, y]) => {
        const { document } = globalThis as unknown as {
          document: {
            elementFromPoint(x: number, y: number): { closest(s: string): unknown } | null;
          };
        };
        return document.elementFromPoint(x!, y!)?.closest('.lane-title') != null;
      },
      // A point both the first buttons and the title column cover.
      [
        (Math.max(box.x, titleBox.x) + Math.min(box.x + box.width, titleBox.x + titleBox.width)) /
          2,
        box.y + box.height / 2,
      ],
    ),
  ).toBe(true);
  await anaPage.setViewportSize({ width: 1280, height: 720 });

  // Each participant sets their own scores; nobody sees anyone else's. Two quick choices are
  // two requests at once: whichever answer or event arrives last, both scores stay chosen.
  await rate(anaPage, 0, '−2 Very negative');
  await rate(anaPage, 1, '+1 Positive');
  await expect(pressed(anaPage, 0)).toHaveText('−2');
  await expect(pressed(anaPage, 1)).toHaveText('+1');
  await expect(pressed(anaPage, 0)).toHaveAttribute(
    'title',
    'Very negative (−2): your score, press again to clear it',
  );
  await rate(benPage, 0, '+1 Positive');
  await rate(benPage, 1, '+2 Very positive');
  await expect(pressed(benPage, 1)).toHaveText('+2');
  await expect(anaPage.getByRole('region', { name: 'Everyone rates' })).toContainText(
    'You rated 2 of',
  );
  // Ben's board holds only Ben's scores; Ana's, only hers; no band anywhere yet.
  await expect(pressed(benPage, 0)).toHaveText('+1');
  await expect(pressed(anaPage, 0)).toHaveText('−2');
  for (const p of everyone) await expect(band(p)).toHaveCount(0);
  // (Ana's name is on Ben's board only as her cursor's label, never beside a score.)
  await expect(benPage.getByRole('list', { name: 'Scores per stage' })).toHaveCount(0);
  await expect(benPage.getByRole('region', { name: 'Everyone rates' })).not.toContainText('Ana');

  // The reveal: the room's band beside the curve for everyone.
  await page.getByRole('button', { name: 'Reveal scores' }).click();
  for (const p of everyone) {
    await expect(band(p)).toHaveCount(2);
    await expect(band(p).nth(0)).toHaveAttribute('data-mean', '-0.5');
    await expect(band(p).nth(0)).toHaveAttribute('data-min', '-2');
    await expect(band(p).nth(0)).toHaveAttribute('data-max', '1');
    await expect(band(p).nth(0)).toContainText('2 rated');
    await expect(band(p).nth(1)).toHaveAttribute('data-mean', '1.5');
    await expect(ownRatings(p)).toHaveCount(0);
  }
  await expect(teamCurve(anaPage)).toHaveCSS('opacity', '1');
  await expect(
    anaPage.getByRole('button', { name: 'Use the room’s mean as the curve' }),
  ).toHaveCount(0);
  // The scores per stage open below the banner's row: in it, they stood tall in its middle and
  // pushed the facilitator's buttons onto a line of their own.
  const scoresBanner = page.getByRole('region', { name: "The room's scores" });
  const close = scoresBanner.getByRole('button', { name: 'Close room scores for everyone' });
  const adopt = scoresBanner.getByRole('button', { name: 'Use the room’s mean as the curve' });
  await scoresBanner.getByText('Scores per stage').click();
  const perStage = scoresBanner.getByRole('list', { name: 'Scores per stage' });
  await expect(perStage).toBeVisible();
  const boxOf = async (locator: typeof close) => (await locator.boundingBox())!;
  const [closeBox, adoptBox, listBox] = [
    await boxOf(close),
    await boxOf(adopt),
    await boxOf(perStage),
  ];
  expect(Math.abs(closeBox.y - adoptBox.y)).toBeLessThan(4);
  expect(listBox.y).toBeGreaterThanOrEqual(closeBox.y + closeBox.height);
  await scoresBanner.getByText('Scores per stage').click();

  // Adopting the mean is one board edit, on the board's whole-step scale, that everyone gets…
  await page.getByRole('button', { name: 'Use the room’s mean as the curve' }).click();
  for (const p of everyone) {
    await expect(curvePoints(p)).toHaveCount(2);
    await expect(curvePoints(p).nth(0)).toHaveAttribute('data-score', '-1');
    await expect(curvePoints(p).nth(1)).toHaveAttribute('data-score', '2');
  }
  // …and one step in the facilitator's own undo stack.
  await page.getByRole('button', { name: 'Undo' }).click();
  for (const p of everyone) await expect(curvePoints(p)).toHaveCount(0);
  // The room has seen them: the facilitator closes the scores, and they leave every board.
  await expect(anaPage.getByRole('button', { name: 'Hide room scores' })).toBeVisible();
  await page.getByRole('button', { name: 'Close room scores for everyone' }).click();
  for (const p of everyone) {
    await expect(band(p)).toHaveCount(0);
    await expect(p.getByRole('region', { name: "The room's scores" })).toHaveCount(0);
    await expect(sharedSlider(p)).toHaveCount(1);
  }

  // Raised hands, in the order they went up, in the facilitator's list.
  await benPage.getByRole('button', { name: 'Raise hand' }).click();
  // Ben's hand is up once the server says so; only then does Ana raise hers
  // (two clicks in one instant may reach the server in either order).
  await expect(benPage.getByRole('button', { name: 'Lower hand' })).toBeVisible();
  await anaPage.getByRole('button', { name: 'Raise hand' }).click();
  const hands = page.getByTestId('raised-hands').getByRole('listitem');
  await expect(hands).toHaveText(['Ben Participant', 'Ana Participant']);
  await expect(anaPage.getByTestId('raised-hands')).toHaveCount(0);
  // The names are the facilitator's; each participant is told their own place in the queue.
  await expect(benPage.getByRole('status').filter({ hasText: 'in line' })).toHaveText(
    'First in line',
  );
  await expect(anaPage.getByRole('status').filter({ hasText: 'in line' })).toHaveText(
    '2nd in line',
  );
  // A room of thirty: twelve more join by the link and raise their hands (over REST, as their
  // browsers would). "Lower all" stays in reach above the names, which scroll under it…
  const mapId = new URL(page.url()).pathname.split('/').pop()!;
  const token = new URL(joinUrl).pathname.split('/').pop()!;
  for (let i = 1; i <= 12; i++) {
    const guest = await playwright.request.newContext({ baseURL });
    await guest.post('/api/workshop-links/join', { data: { token, name: `Guest ${i}` } });
    expect((await guest.post(`/api/maps/${mapId}/hands`)).ok()).toBe(true);
    await guest.dispose();
  }
  const guests = Array.from({ length: 12 }, (_, i) => `Guest ${i + 1}`);
  await expect(hands).toHaveText(['Ben Participant', 'Ana Participant', ...guests]);
  await expect(page.getByRole('button', { name: 'Lower all' })).toBeInViewport();
  // …and nobody's pointer is drawn over the names: Ana points where the list is on the
  // facilitator's screen (the same spot of the board: same window, neither scrolled).
  const list = (await page.getByTestId('raised-hands').boundingBox())!;
  const facilitatorBoard = (await page
    .getByRole('region', { name: 'Journey board' })
    .boundingBox())!;
  const anaBoard = (await anaPage.getByRole('region', { name: 'Journey board' }).boundingBox())!;
  await anaPage.mouse.move(
    anaBoard.x + list.x + list.width / 2 - facilitatorBoard.x,
    anaBoard.y + list.y + list.height / 2 - facilitatorBoard.y,
    { steps: 4 },
  );
  const anaCursor = page.locator('[data-testid="presence-cursor"][data-name="Ana Participant"]');
  // Where the pointer came to rest (it glides there), inside the list.
  const inList = (box: { x: number; y: number } | null) =>
    box !== null &&
    box.x > list.x &&
    box.x < list.x + list.width &&
    box.y > list.y &&
    box.y < list.y + list.height;
  await expect.poll(async () => inList(await anaCursor.boundingBox())).toBe(true);
  const tip = (await anaCursor.locator('svg').boundingBox())!;
  // What is drawn on top at the pointer's tip (the layer lets clicks through, so ask it to
  // take them here: elementFromPoint skips what ignores the pointer).
  await page.addStyleTag({ content: '.presence-layer * { pointer-events: auto !important; }' });
  const onTop = await page.evaluate(
    ([x, y]) =>
      document.elementFromPoint(x!, y!)?.closest('[data-testid]')?.getAttribute('data-testid'),
    [tip.x + 3, tip.y + 5],
  );
  expect(onTop).toBe('raised-hands');
  // Beside an open side panel, never over it (its entries and buttons stay in reach).
  await page.getByRole('button', { name: 'Versions' }).click();
  const panel = page.getByTestId('versions-panel');
  await expect(panel).toBeVisible();
  const handsBox = (await page.getByRole('region', { name: 'Raised hands' }).boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  expect(handsBox.x + handsBox.width).toBeLessThanOrEqual(panelBox.x);
  // …and above the workshop tools at the foot of the board.
  const toolsBox = (await page
    .getByRole('region', { name: 'Workshop', exact: true })
    .boundingBox())!;
  expect(handsBox.y + handsBox.height).toBeLessThanOrEqual(toolsBox.y);
  await page.getByRole('button', { name: 'Close versions' }).click();
  // Fourteen names cover a corner of the board the room reads: the facilitator folds them
  // away to the count, which keeps counting, and opens them again.
  await page.getByRole('button', { name: /^Raised hands \(14\)/ }).click();
  await expect(page.getByTestId('raised-hands')).toBeHidden();
  await benPage.getByRole('button', { name: 'Lower hand' }).click();
  const folded = page.getByRole('button', { name: /^Raised hands \(13\)/ });
  await expect(folded).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Lower all' })).toBeVisible();
  await folded.click();
  await expect(hands).toHaveText(['Ana Participant', ...guests]);
  await expect(benPage.getByRole('button', { name: 'Raise hand' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  // The facilitator lowers one hand from the list.
  await page.getByRole('button', { name: "Lower Guest 12's hand" }).click();
  await expect(hands).toHaveText(['Ana Participant', ...guests.slice(0, 11)]);
  // A reload keeps Ana's hand up (it is stored).
  await anaPage.reload();
  await expect(anaPage.getByRole('button', { name: 'Lower hand' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // A reaction shows beside Ana's avatar for the others, as an SVG icon.
  await expectLive(anaPage);
  await anaPage.getByRole('button', { name: 'React: Love it' }).click();
  const reaction = page
    .getByRole('button', { name: 'Follow Ana Participant' })
    .getByTestId('reaction-bubble');
  await expect(reaction).toHaveAttribute('data-kind', 'heart');
  await expect(reaction.locator('svg')).toBeVisible();
  await expect(reaction).toHaveCount(0);
});

test('while everyone rates, a person’s own score buttons sit below the curve, covering none of its points', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  // Its curve has a score in every stage, from −2 to +2 (a +2 is drawn at the band's top).
  await mapList.createMap('Rated on the curve', 'B2B SaaS onboarding');
  await expect(curvePoints(page)).toHaveCount(6);
  await startEveryoneRates(page);
  await expect(ownRatings(page)).toHaveCount(6);
  await page.getByTestId('emotion-curve').scrollIntoViewIfNeeded();

  const points = await Promise.all(
    (await curvePoints(page).all()).map(async (point) => ({
      score: await point.getAttribute('data-score'),
      box: (await point.boundingBox())!,
    })),
  );
  for (const [stage, rating] of (await ownRatings(page).all()).entries()) {
    const box = (await rating.boundingBox())!;
    for (const { score, box: dot } of points) {
      const apart =
        box.x >= dot.x + dot.width ||
        dot.x >= box.x + box.width ||
        box.y >= dot.y + dot.height ||
        dot.y >= box.y + box.height;
      expect(apart, `stage ${stage + 1}'s score buttons cover the curve's ${score}`).toBe(true);
    }
  }
});

test('a collapsed lane is open for everyone while they rate in it and while the room’s scores show, then folds away again', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  await mapList.createMap('Folded feelings', 'B2B SaaS onboarding');
  await page.getByRole('button', { name: 'Collapse lane Emotions' }).click();
  await expect(curvePoints(page)).toHaveCount(0);
  await startEveryoneRates(page);

  // Nobody could rate in a folded row (and participants may not unfold it while it is rated).
  await expect(curvePoints(page)).toHaveCount(6);
  await expect(ownRatings(page)).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Collapse lane Emotions' })).toBeDisabled();

  // The reveal shows the room's scores in it: still open, until they are closed for everyone.
  await rate(page, 0, '+1 Positive');
  await expect(pressed(page, 0)).toHaveText('+1');
  await page.getByRole('button', { name: 'Reveal scores' }).click();
  await expect(band(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Close room scores for everyone' }).click();
  await expect(page.getByRole('button', { name: 'Expand lane Emotions' })).toBeEnabled();
  await expect(curvePoints(page)).toHaveCount(0);
});
