import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';
import { openWorkshopTools, startEveryoneRates, WorkshopTools } from './pages/workshop-tools.ts';

/** What a leader opens a share link on: a phone and a tablet, by touch. */
const DEVICES = [
  { what: 'phone', viewport: { width: 375, height: 812 } },
  { what: 'tablet', viewport: { width: 820, height: 1180 } },
] as const;

/** The page itself never scrolls sideways: only the board does, inside its own frame. */
async function expectNoSidewaysPage(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${where}: the page is wider than the screen`).toBeLessThanOrEqual(0);
}

/** Every control in the page chrome lies inside the screen. */
async function expectChromeOnScreen(page: Page, width: number, where: string): Promise<void> {
  const outside = await page.evaluate((screenWidth) => {
    const chrome = document.querySelectorAll(
      'header button, header a, header [role="status"], .present button',
    );
    return Array.from(chrome)
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < -1 || box.right > screenWidth + 1;
      })
      .map((element) => element.textContent?.trim() || element.getAttribute('aria-label'));
  }, width);
  expect(outside, `${where}: controls off the screen`).toEqual([]);
}

test('a share link is readable on a phone and a tablet: the board scrolls by touch, the page does not, and presenting works by tapping', async ({
  mapList,
  browser,
  baseURL,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Leadership on the go', 'B2B SaaS onboarding');
  const shareUrl = new URL(await board.createShareLink()).pathname;

  for (const { what, viewport } of DEVICES) {
    const context = await browser.newContext({ baseURL, viewport, isMobile: true, hasTouch: true });
    const leader = await context.newPage();
    await leader.goto(shareUrl);
    await expect(leader.getByText('View only')).toBeVisible();
    const firstCard = leader.getByRole('listitem', { name: 'Pricing page “Start free trial”' });
    await expect(firstCard).toBeVisible();
    // Readable: card text at least 12 px on screen.
    const fontSize = await firstCard.evaluate((card) =>
      parseFloat(getComputedStyle(card.querySelector('.card__text') ?? card).fontSize),
    );
    expect(fontSize).toBeGreaterThanOrEqual(12);
    await expectNoSidewaysPage(leader, `${what} board`);
    // The map's title is there to read, not squeezed away by the tools beside it.
    const title = leader.getByRole('heading', { level: 1, name: 'Leadership on the go' });
    await expect(title).toBeVisible();
    expect(
      await title.evaluate((heading) => {
        const text = heading.querySelector<HTMLElement>('.board-header__text') ?? heading;
        return text.scrollWidth <= text.clientWidth + 1;
      }),
      `${what}: the map's title is cut`,
    ).toBe(true);
    // The state badge stays on one line.
    const badge = (await leader.getByText('View only').boundingBox())!;
    expect(badge.height).toBeLessThan(fontSize * 2);
    await expectChromeOnScreen(leader, viewport.width, `${what} board`);

    // The board scrolls sideways by touch, inside its frame, to the last stage.
    const lastStage = leader.getByTestId('stage-header').filter({ hasText: 'Upgrade' });
    await expect(lastStage).not.toBeInViewport();
    const frame = leader.getByRole('region', { name: /^Board canvas/ });
    const box = (await frame.boundingBox())!;
    for (let swipe = 0; swipe < 8; swipe++) {
      await swipeLeft(leader, box.x + box.width * 0.8, box.y + box.height / 2, box.width * 0.6);
      if ((await lastStage.isVisible()) && (await lastStage.evaluate(inScreen))) break;
    }
    await expect(lastStage).toBeInViewport();
    await expectNoSidewaysPage(leader, `${what} board after scrolling`);

    // A tap while the board still glides from the swipe only stops the glide
    // (as on any touch screen): the browser sends no click. Tap once it rests.
    await expect.poll(() => scrollIsResting(frame), `${what}: the board stops gliding`).toBe(true);
    await leader.getByRole('button', { name: 'Present' }).tap();
    const presentation = leader.getByRole('dialog', { name: 'Presentation' });
    await expect(presentation).toContainText('Stage 1 of 6: Sign-up');
    await expectNoSidewaysPage(leader, `${what} presentation`);
    await expectChromeOnScreen(leader, viewport.width, `${what} presentation`);
    await presentation.getByRole('button', { name: 'Next stage' }).tap();
    await expect(presentation).toContainText('Stage 2 of 6: First login');
    await expect(
      presentation.getByRole('listitem', { name: 'Welcome checklist in the app' }),
    ).toBeInViewport();
    await context.close();
  }
});

test('workshop participants on a phone and a tablet reach every tool in the header, with a timer running, the title readable and the page never scrolling sideways', async ({
  page,
  mapList,
  browser,
  baseURL,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Workshop on the go', 'B2B SaaS onboarding');
  const joinUrl = new URL(await board.createWorkshopLink()).pathname;
  await page.getByRole('button', { name: 'Done' }).click();
  // A running timer makes the header its widest.
  await openWorkshopTools(page);
  await new WorkshopTools(page).startTimer('5');

  const participants = [
    { what: 'phone', viewport: { width: 390, height: 844 }, name: 'Marco from Sales' },
    { what: 'tablet', viewport: { width: 768, height: 1024 }, name: 'Priya from Support' },
  ];
  for (const { what, viewport, name } of participants) {
    const context = await browser.newContext({ baseURL, viewport, isMobile: true, hasTouch: true });
    const participant = await context.newPage();
    await participant.goto(joinUrl);
    await participant.getByLabel('Your name').fill(name);
    await participant.getByRole('button', { name: 'Join' }).tap();
    await expect(participant.getByTestId('connection-status')).toHaveAttribute(
      'data-status',
      'live',
    );
    await expect(new WorkshopTools(participant).timer()).toBeVisible();
    await expectChromeOnScreen(participant, viewport.width, `${what} participant`);
    await expectNoSidewaysPage(participant, `${what} participant`);
    // Some of the map's title is there to read, not squeezed to a letter by the tools.
    const title = participant.getByRole('heading', { level: 1, name: 'Workshop on the go' });
    expect((await title.boundingBox())!.width, `${what}: the title's width`).toBeGreaterThan(80);
    await participant.getByRole('button', { name: /^Comments/ }).tap();
    await expect(participant.getByRole('complementary', { name: /Comments/ })).toBeVisible();
    await context.close();
  }
});

function inScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.right <= window.innerWidth + 1 && box.left >= 0;
}

/** A one-finger swipe from (x, y) leftwards by `distance`, as CDP touch events. */
/** Whether `frame` kept the same horizontal scroll over 150 ms. */
function scrollIsResting(frame: Locator): Promise<boolean> {
  return frame.evaluate(
    (element) =>
      new Promise<boolean>((resolve) => {
        const before = element.scrollLeft;
        setTimeout(() => resolve(element.scrollLeft === before), 150);
      }),
  );
}

async function swipeLeft(page: Page, x: number, y: number, distance: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const steps = 8;
  await session.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x, y }],
  });
  for (let step = 1; step <= steps; step++) {
    await session.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: x - (distance * step) / steps, y }],
    });
  }
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await session.detach();
}

test.describe('by touch alone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('on a phone the board’s frequent controls are at least 32 px to tap — card, stage and lane tools, header icons, zoom — each whole on screen and in its column', async ({
    page,
    mapList,
  }) => {
    await mapList.goto();
    const board = await mapList.createMap('Thumbs only', 'B2B SaaS onboarding');
    const tappable = async (buttons: Locator, where: string, within?: Locator) => {
      const area = within ? (await within.boundingBox())! : { x: 0, width: 390 };
      const all = await buttons.filter({ visible: true }).all();
      expect(all.length, `${where}: controls found`).toBeGreaterThan(0);
      for (const button of all) {
        const name = await button.getAttribute('aria-label');
        const box = (await button.boundingBox())!;
        expect(box.width, `${where}: ${name}'s width`).toBeGreaterThanOrEqual(32);
        expect(box.height, `${where}: ${name}'s height`).toBeGreaterThanOrEqual(32);
        expect(box.x, `${where}: ${name} whole`).toBeGreaterThanOrEqual(area.x - 0.5);
        expect(box.x + box.width, `${where}: ${name} whole`).toBeLessThanOrEqual(
          area.x + area.width + 0.5,
        );
      }
    };

    await tappable(page.locator('header .icon-button'), 'header');
    await tappable(page.getByRole('group', { name: 'Zoom' }).getByRole('button'), 'zoom');
    await tappable(page.getByTestId('palette-item'), 'palette');

    // A tap on a card opens it; its tools stand beside the text being written, not over it.
    const card = board.card('Pricing page “Start free trial”');
    await card.getByRole('button', { name: 'Pricing page “Start free trial”' }).tap();
    const editor = card.getByRole('textbox', { name: 'Card text' });
    await expect(editor).toBeFocused();
    const tools = card.getByRole('button', { name: /^(Move card|Comment on card|Card actions)$/ });
    await expect(tools).toHaveCount(3);
    await tappable(tools, 'card', card);
    const text = (await editor.boundingBox())!;
    for (const tool of await tools.all()) {
      expect((await tool.boundingBox())!.x, 'a card tool over its text').toBeGreaterThanOrEqual(
        text.x + text.width - 0.5,
      );
    }
    await editor.press('Escape');

    const stage = page.getByTestId('stage-header').filter({ hasText: 'Sign-up' });
    await stage.getByRole('button', { name: /^Actions for stage/ }).focus();
    await tappable(stage.getByRole('toolbar').getByRole('button'), 'stage', stage);

    const lane = page.locator('.lane-title').filter({ hasText: 'Customer actions' });
    // No hover on touch: a lane's tools show before anything in it is tapped (they used to be
    // invisible, yet tappable).
    await expect(lane.locator('.lane-title__tools')).toHaveCSS('opacity', '1');
    await lane.getByRole('button', { name: /^Reorder lane/ }).focus();
    await tappable(
      lane.getByRole('button', { name: /^(Collapse|Lock|Reorder|Delete) lane/ }),
      'lane',
      lane,
    );

    // While everyone rates, one's own scores are as big (they were 27 × 22), inside the stage.
    await startEveryoneRates(page);
    const ownScores = page.getByTestId('own-rating').first();
    await ownScores.scrollIntoViewIfNeeded();
    await tappable(
      ownScores.getByRole('button'),
      'own score',
      page.getByRole('group', { name: 'Emotions in Sign-up' }),
    );
  });
});
