/// <reference lib="dom" />
// Functions passed to evaluate run in the browser, hence the DOM types.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';

/**
 * The board as a canvas on a laptop (1440×900) and a desktop (1920×1080),
 * with the B2B SaaS template (6 stages × 8 lanes): fit, readable text,
 * stage titles, the side panels, and visual baselines.
 */

const B2B_STAGES = ['Sign-up', 'First login', 'Setup', 'Invite team', 'First value', 'Upgrade'];
const B2B_LANES = [
  'Touchpoints',
  'Customer actions',
  'Thoughts',
  'Pain points',
  'Emotions',
  'Opportunities',
  'Backstage',
  'Metrics',
];

test.use({ viewport: { width: 1440, height: 900 }, accountName: 'Ada Lovelace' });

const journeyBoard = (page: Page) => page.getByRole('region', { name: 'Journey board' });
const zoomLevel = (page: Page) => page.getByTestId('zoom-level');

/** The canvas (the board's scrolling viewport) and the board, as boxes on screen. */
async function canvasBoxes(page: Page) {
  return journeyBoard(page).evaluate((board) => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    return { canvas: box(board.closest('.board-scroll')!), board: box(board) };
  });
}

async function expectInside(
  locator: Locator,
  area: { left: number; top: number; right: number; bottom: number },
) {
  const box = await locator.boundingBox();
  expect(box, 'is on screen').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(area.left - 0.5);
  expect(box!.y).toBeGreaterThanOrEqual(area.top - 0.5);
  expect(box!.x + box!.width).toBeLessThanOrEqual(area.right + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(area.bottom + 0.5);
}

/** Every card's text: its size on screen (font size × the zoom it is drawn at) and its height in lines. */
async function cardTextOnScreen(page: Page) {
  return page.getByTestId('card').evaluateAll((cards) =>
    cards.map((card) => {
      const text = card.querySelector<HTMLElement>('.card__text')!;
      const style = getComputedStyle(text);
      const zoom = (text as HTMLElement & { currentCSSZoom: number }).currentCSSZoom;
      const fontPx = Number.parseFloat(style.fontSize) * zoom;
      const lineHeight = Number.parseFloat(style.lineHeight) * zoom;
      return {
        text: card.getAttribute('aria-label') ?? '',
        fontPx,
        lines: text.getBoundingClientRect().height / lineHeight,
      };
    }),
  );
}

async function openB2bMap(
  page: Page,
  mapList: { goto(): Promise<void>; createMap(title: string, template?: string): Promise<unknown> },
) {
  await mapList.goto();
  await mapList.createMap('Trial to paid', 'B2B SaaS onboarding');
  await expect(page.getByTestId('stage-header')).toHaveCount(6);
}

test('fit shows the whole board — every stage and lane — centred, with cards in a readable compact form; fit width, fit a stage and 100 % are one key away, and the view is remembered for the map', async ({
  page,
  mapList,
}) => {
  await openB2bMap(page, mapList);
  // At 100 % the board does not fit a laptop screen: its last lanes are below the fold.
  const { canvas } = await canvasBoxes(page);
  const metrics = await page.getByRole('button', { name: 'Rename lane Metrics' }).boundingBox();
  expect(metrics!.y).toBeGreaterThan(canvas.bottom);

  await page.getByRole('button', { name: 'Fit to screen' }).click();

  const after = await canvasBoxes(page);
  for (const stage of B2B_STAGES) {
    await expectInside(page.getByTestId('stage-header').filter({ hasText: stage }), after.canvas);
  }
  for (const lane of B2B_LANES) {
    await expectInside(page.getByRole('button', { name: `Rename lane ${lane}` }), after.canvas);
  }
  await expectInside(journeyBoard(page), after.canvas);
  // Centred: as much room left as right, above as below.
  const left = after.board.left - after.canvas.left;
  const right = after.canvas.right - after.board.right;
  const top = after.board.top - after.canvas.top;
  const bottom = after.canvas.bottom - after.board.bottom;
  expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
  expect(Math.abs(top - bottom)).toBeLessThanOrEqual(2);

  // No card text below 9 px on screen: the compact form (one line) instead of shrunk text.
  const cards = await cardTextOnScreen(page);
  expect(cards.length).toBeGreaterThan(30);
  for (const card of cards) {
    expect(card.fontPx, card.text).toBeGreaterThanOrEqual(9);
    expect(card.lines, card.text).toBeLessThan(1.5);
  }
  // Stage and lane titles are readable too.
  const titles = await page
    .locator(
      '[data-testid="stage-header"] h2, [data-testid="stage-header"] button[aria-label^="Rename stage"], button[aria-label^="Rename lane"]',
    )
    .evaluateAll((elements) =>
      elements.map(
        (element) =>
          Number.parseFloat(getComputedStyle(element).fontSize) *
          (element as HTMLElement & { currentCSSZoom: number }).currentCSSZoom,
      ),
    );
  for (const size of titles) expect(size).toBeGreaterThanOrEqual(11);

  // Back to 100 %: cards show all their text again.
  await page.getByRole('button', { name: /reset to 100 %/ }).click();
  await expect(zoomLevel(page)).toHaveText('100%');
  const full = await cardTextOnScreen(page);
  expect(full.some((card) => card.lines > 1.5)).toBe(true);
  for (const card of full) expect(card.fontPx).toBeGreaterThanOrEqual(13);

  // Fit width, fit a stage and 100 % are one key away, and the view is remembered for the map.
  const board = journeyBoard(page);
  await page.keyboard.press('Shift+Digit2');
  let boxes = await canvasBoxes(page);
  expect(boxes.board.right - boxes.board.left).toBeLessThanOrEqual(
    boxes.canvas.right - boxes.canvas.left,
  );
  expect(boxes.board.right - boxes.board.left).toBeGreaterThan(
    (boxes.canvas.right - boxes.canvas.left) * 0.95,
  );

  // Focus a card in "Setup", then fit that stage: its column, enlarged, in the middle of the
  // view beside the lane titles.
  await page.getByRole('button', { name: 'Integration setup wizard', exact: true }).focus();
  await page.keyboard.press('Shift+Digit3');
  await expect(zoomLevel(page)).toHaveText('150%');
  const setup = page.getByTestId('stage-header').filter({ hasText: 'Setup' });
  boxes = await canvasBoxes(page);
  await expectInside(setup, boxes.canvas);
  const lanesRight = (await page
    .getByRole('button', { name: 'Rename lane Touchpoints' })
    .boundingBox())!;
  const column = (await setup.boundingBox())!;
  const gapLeft = column.x - (lanesRight.x + lanesRight.width);
  const gapRight = boxes.canvas.right - (column.x + column.width);
  expect(gapLeft).toBeGreaterThan(0);
  expect(Math.abs(gapLeft - gapRight)).toBeLessThan(60);

  await page.keyboard.press('Shift+Digit1');
  const fitted = await zoomLevel(page).textContent();
  await page.keyboard.press('Shift+Digit0');
  await expect(zoomLevel(page)).toHaveText('100%');
  await page.keyboard.press('-');
  await expect(zoomLevel(page)).toHaveText('83%');

  // The zoom is this person's for this map: a reload keeps it.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(zoomLevel(page)).toHaveText('83%');
  expect(await board.evaluate((element) => element.style.zoom)).toBe('0.83');
  expect(fitted).not.toBe('83%');
});

test('on a 1366×768 laptop, where no zoom fits the lane titles’ height, fit still shows every stage across the screen', async ({
  page,
  mapList,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openB2bMap(page, mapList);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  // Not the smallest zoom (a strip down the screen's middle): the width is used.
  await expect(zoomLevel(page)).not.toHaveText('25%');
  const { canvas, board } = await canvasBoxes(page);
  expect(board.right - board.left).toBeGreaterThan((canvas.right - canvas.left) * 0.6);
  for (const stage of B2B_STAGES) {
    await expectInside(page.getByTestId('stage-header').filter({ hasText: stage }), canvas);
  }
  // What is left below the fold is about what the titles' readable size makes of it.
  expect(board.bottom - canvas.bottom).toBeLessThan(80);
});

test('zooms around the pointer with Ctrl + wheel (and pinch), and pans with the plain wheel', async ({
  page,
  mapList,
}) => {
  await openB2bMap(page, mapList);
  const card = page.getByRole('button', { name: 'CRM connection needs admin rights', exact: true });
  const before = (await card.boundingBox())!;
  const pointer = { x: before.x + 10, y: before.y + 5 };
  await page.mouse.move(pointer.x, pointer.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(zoomLevel(page)).not.toHaveText('100%');
  // The gesture is drawn as a transform, then laid out at its zoom once it rests.
  await page.waitForTimeout(400);
  const zoom = Number((await zoomLevel(page).textContent())!.replace('%', '')) / 100;
  expect(zoom).toBeGreaterThan(1);
  const after = (await card.boundingBox())!;
  // The point under the pointer stayed under it (10 px into the card, now 10 × zoom).
  expect(Math.abs(after.x + 10 * zoom - pointer.x)).toBeLessThanOrEqual(3);
  expect(Math.abs(after.y + 5 * zoom - pointer.y)).toBeLessThanOrEqual(3);

  // Out again around the same point (the pointer is in the board's middle, so there is room).
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  await expect(zoomLevel(page)).not.toHaveText(`${Math.round(zoom * 100)}%`);
  await page.waitForTimeout(400);
  const zoomedOut = Number((await zoomLevel(page).textContent())!.replace('%', '')) / 100;
  const back = (await card.boundingBox())!;
  expect(Math.abs(back.x + 10 * zoomedOut - pointer.x)).toBeLessThanOrEqual(3);

  const scroller = await journeyBoard(page).evaluate(
    (board) => board.closest('.board-scroll')!.scrollTop,
  );
  await page.mouse.wheel(0, 200);
  await expect
    .poll(() => journeyBoard(page).evaluate((board) => board.closest('.board-scroll')!.scrollTop))
    .toBeGreaterThan(scroller);
});

test('stage titles are whole at 100 %, on their own line, with the tools in a hover toolbar', async ({
  page,
  mapList,
}) => {
  for (const [title, template, stages] of [
    ['Trial to paid', 'B2B SaaS onboarding', B2B_STAGES],
    [
      'Shop',
      'Blank journey',
      ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy'],
    ],
  ] as const) {
    await mapList.goto();
    await mapList.createMap(title, template);
    for (const stage of stages) {
      const name = page.getByRole('button', { name: `Rename stage ${stage}`, exact: true });
      await expect(name).toHaveText(stage);
      const cut = await name.evaluate(
        (element) =>
          element.scrollWidth > element.clientWidth + 1 ||
          element.scrollHeight > element.clientHeight + 1,
      );
      expect(cut, `${stage} is cut short`).toBe(false);
    }
    // The tools appear only on hover, and not over the title.
    const header = page.getByTestId('stage-header').filter({ hasText: stages[1] });
    const remove = page.getByRole('button', { name: `Actions for stage ${stages[1]}` });
    const toolbar = page.getByRole('toolbar', { name: `Stage ${stages[1]}` });
    await page.mouse.move(1, 1);
    await expect(toolbar).toHaveCSS('opacity', '0');
    await header.hover();
    await expect(toolbar).toHaveCSS('opacity', '1');
    const titleBox = (await page
      .getByRole('button', { name: `Rename stage ${stages[1]}`, exact: true })
      .boundingBox())!;
    const toolBox = (await remove.boundingBox())!;
    expect(toolBox.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height);
  }

  // A column resized by dragging its edge keeps that width.
  const header = page.getByTestId('stage-header').filter({ hasText: 'Purchase' });
  const edge = page.getByRole('separator', { name: 'Resize stage Purchase' });
  const width = (await header.boundingBox())!.width;
  const handle = (await edge.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 80, handle.y + handle.height / 2, {
    steps: 8,
  });
  await page.mouse.up();
  await expect.poll(async () => (await header.boundingBox())!.width).toBeCloseTo(width + 80, 0);
  const cell = page.getByRole('group', { name: 'Touchpoints in Purchase' });
  expect((await cell.boundingBox())!.width).toBeCloseTo(width + 80, 0);
});

test('zoomed out to a third, a stage title’s words stay whole: none is broken across two lines', async ({
  page,
  mapList,
}) => {
  await openB2bMap(page, mapList);
  for (
    let step = 0;
    step < 12 && Number.parseInt((await zoomLevel(page).textContent())!) > 33;
    step++
  )
    await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(zoomLevel(page)).toHaveText('33%');
  // Each word drawn on one line: one box per word ("Setu / p" and "Invit / e…" were two).
  const splitWords = await page.locator('.stage-header__title').evaluateAll((titles) =>
    titles.flatMap((title) => {
      const text = title.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      const words = [...(text.textContent ?? '').matchAll(/[A-Za-z]+/g)];
      return words.flatMap((word) => {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        return range.getClientRects().length > 1 ? [word[0]] : [];
      });
    }),
  );
  // "Upgrade" alone is too long for a third of a column: where the browser can't hyphenate it.
  expect(splitWords.filter((word) => word !== 'Upgrade')).toEqual([]);
});

test('a new stage, named, takes its first card with the next click: its tools stay clear of "Add card"', async ({
  page,
  mapList,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await mapList.goto();
  const board = await mapList.createMap('A stage more');
  await page.getByRole('button', { name: 'Add stage' }).click();
  await page.getByLabel('Stage title').fill('Renewal');
  await page.getByLabel('Stage title').press('Enter');
  // The pointer still rests on the new header (where "Add stage" was), its tools showing.
  await expect(page.getByRole('toolbar', { name: 'Stage Renewal' })).toHaveCSS('opacity', '1');
  const addCard = page.getByRole('button', { name: 'Add card to Touchpoints in Renewal' });
  // A click on its words lands on it, not on a stage tool hanging over it.
  await addCard.getByText('Add card').click({ timeout: 5_000 });
  await expect(board.cardEditor()).toBeFocused();
});

test('the comments panel takes its room from the board: Share and the lane titles stay usable; Escape closes it', async ({
  page,
  mapList,
}) => {
  await openB2bMap(page, mapList);
  // One header row: the title, the people, the connection, Undo/Redo and the page's actions.
  const header = page.getByRole('banner');
  for (const name of ['Undo', 'Redo', 'Comments', 'Personas', 'Share', 'Present']) {
    await expect(header.getByRole('button', { name, exact: true })).toBeVisible();
  }
  const heights = await header
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().top));
  expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(12);

  await page.getByRole('button', { name: 'Comments', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Comments' });
  await expect(panel).toBeVisible();

  const share = page.getByRole('button', { name: 'Share', exact: true });
  await expect(share).toBeVisible();
  await share.click({ trial: true });
  const panelBox = (await panel.boundingBox())!;
  const headerBox = (await header.boundingBox())!;
  expect(panelBox.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 1);
  for (const lane of B2B_LANES) {
    const title = page.getByRole('button', { name: `Rename lane ${lane}` });
    await expect(title).toBeVisible();
    await title.click({ trial: true });
    expect((await title.boundingBox())!.x + 10).toBeLessThan(panelBox.x);
  }
  // Really clickable: rename a lane beside the open panel.
  await page.getByRole('button', { name: 'Rename lane Thoughts' }).click();
  await expect(page.getByRole('textbox', { name: 'Lane title' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeVisible();

  // Escape from the panel (or the header) closes it.
  await panel.getByRole('button', { name: 'All', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // The Personas panel, on the other side, does the same.
  await page.getByRole('button', { name: /^Personas/ }).click();
  const personas = page.getByRole('complementary', { name: 'Personas' });
  await expect(personas).toBeVisible();
  await expect(share).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(personas).toBeHidden();
});

test('the emotion lane shows the curve and a short score per stage; its slider appears on hover and works from the keyboard', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  await mapList.createMap('Empty curve', 'Blank journey');
  const curve = page.getByTestId('emotion-curve');
  await expect(curve).toContainText('drag up or down in a stage to set one');
  await expect(page.getByText('Not set')).toHaveCount(0);

  const cell = page.getByRole('group', { name: 'Emotions in Purchase' });
  const slider = page.getByRole('slider', { name: 'Emotion in Purchase' });
  await page.mouse.move(1, 1);
  await expect(slider.locator('..')).toHaveCSS('opacity', '0');
  // Below the chart band (the curve takes the pointer there: drag to set).
  const box = (await cell.boundingBox())!;
  await cell.hover({ position: { x: 40, y: box.height - 12 } });
  await expect(slider.locator('..')).toHaveCSS('opacity', '1');

  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  // While it is set, the controls cover the summary: they show the score themselves.
  await expect(slider.locator('..').locator('output')).toHaveText('−2');
  await page.mouse.move(1, 1);
  await page.getByRole('button', { name: 'Rename lane Emotions' }).focus();
  await expect(cell).toContainText('−2 Very negative');
  await expect(curve).toHaveAttribute('aria-label', 'Emotion curve: Purchase −2');
});

test.describe('visual baselines', () => {
  // Fonts come from the system (no web fonts), animations and the caret are off.
  const options = { maxDiffPixelRatio: 0.02, animations: 'disabled', caret: 'hide' } as const;

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ]) {
    test(`the B2B SaaS template at ${viewport.width}×${viewport.height}, 100 % and fit`, async ({
      page,
      mapList,
    }) => {
      await page.setViewportSize(viewport);
      await openB2bMap(page, mapList);
      await page.mouse.move(viewport.width - 2, viewport.height - 2);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expect(zoomLevel(page)).toHaveText('100%');
      await expect(page).toHaveScreenshot(`b2b-${viewport.width}-100.png`, options);
      await page.getByRole('button', { name: 'Fit to screen' }).click();
      await page.mouse.move(viewport.width - 2, viewport.height - 2);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expect(page).toHaveScreenshot(`b2b-${viewport.width}-fit.png`, options);
      // Compact cards: a short key chip ("Email", "App") stays whole; the card's text gives way.
      const shortChips = await page
        .locator('.board[data-density="compact"] .card .card__chips')
        .evaluateAll((rows) =>
          rows
            .filter((row) => (row.firstElementChild?.textContent ?? '').length <= 6)
            .map((row) => {
              const chip = row.firstElementChild!;
              const shown = row.getBoundingClientRect().right;
              const mark = row.parentElement?.parentElement?.querySelector('.evidence-marker');
              return {
                text: chip.textContent,
                cut:
                  chip.getBoundingClientRect().right > shown + 0.5 ||
                  chip.scrollWidth > chip.clientWidth + 1 ||
                  (mark ? mark.getBoundingClientRect().left < shown - 0.5 : false),
              };
            }),
        );
      expect(shortChips.length).toBeGreaterThan(5);
      expect(shortChips.filter((chip) => chip.cut)).toEqual([]);
    });
  }
});

test('"Add lane" offers the lane kinds in a menu that stays inside the board, even on a short board', async ({
  page,
  mapList,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await mapList.goto();
  await mapList.createMap('Short board', 'Blank journey');
  // Collapsed, its lanes leave the button near the top: no room for the menu above it.
  const collapse = page.getByRole('button', { name: /^Collapse lane / });
  await expect(collapse).toHaveCount(5);
  while ((await collapse.count()) > 0) await collapse.first().click();
  const scroller = await journeyBoard(page).evaluate((board) => {
    const box = board.closest('.board-scroll')!.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom };
  });
  const addLane = page.getByRole('button', { name: 'Add lane' });
  await addLane.click();
  const menu = page.getByRole('menu', { name: 'Kind of the new lane' });
  const box = (await menu.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(scroller.top);
  expect(box.y + box.height).toBeLessThanOrEqual(scroller.bottom);
  // Every kind can be reached: the first has the focus, Arrow Up wraps to the last and shows it.
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const last = menu.getByRole('menuitem').last();
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Collapse lane Notes' })).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(addLane).toBeFocused();
});

test('a large board draws the cards in view in its first frame, and the others as they come into view', async ({
  page,
  mapList,
}) => {
  // 10 stages × 4 lanes × 10 cards: over the 300 cards where drawing turns progressive.
  const rows = ['Stage,Lane,Text'];
  for (let stage = 1; stage <= 10; stage++) {
    for (const lane of ['North', 'East', 'South', 'West']) {
      for (let card = 1; card <= 10; card++) rows.push(`Stage ${stage},${lane},Card ${card}`);
    }
  }
  await mapList.goto();
  await page.getByLabel('Map file').setInputFiles({
    name: 'large.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  });
  await page.getByRole('button', { name: 'Create map from file' }).click();
  await expect(page).toHaveURL(/\/maps\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('card').first()).toBeVisible();

  // Every frame from the reload on: the cards drawn, and placeholders inside the visible board.
  await page.addInitScript(() => {
    const frames: { cards: number; placeholdersInView: number }[] = [];
    (window as unknown as { frames_: typeof frames }).frames_ = frames;
    const record = () => {
      const board = document.querySelector('.board');
      const view = board?.closest('.board-scroll')?.getBoundingClientRect();
      if (view) {
        const inView = Array.from(document.querySelectorAll('[data-pending]')).filter((element) => {
          const box = element.getBoundingClientRect();
          return (
            box.bottom > view.top &&
            box.top < view.bottom &&
            box.right > view.left &&
            box.left < view.right
          );
        });
        frames.push({
          cards: document.querySelectorAll('[data-testid="card"]').length,
          placeholdersInView: inView.length,
        });
      }
      if (frames.length < 60) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'North in Stage 1', exact: true }).getByTestId('card'),
  ).toHaveCount(10);
  const frames = await page.evaluate(
    () =>
      (window as unknown as { frames_: { cards: number; placeholdersInView: number }[] }).frames_,
  );
  // No frame of placeholders first: the board's first frame has the cards in view, and only them.
  expect(frames[0]!.cards).toBeGreaterThan(0);
  expect(frames[0]!.cards).toBeLessThan(400);
  expect(frames[0]!.placeholdersInView).toBe(0);

  // Scrolled to the far corner, its cell draws its cards; in the end every card is drawn.
  await journeyBoard(page).evaluate((board) => {
    const scroller = board.closest('.board-scroll')!;
    scroller.scrollTo(scroller.scrollWidth, scroller.scrollHeight);
  });
  await expect(
    page.getByRole('group', { name: 'West in Stage 10' }).getByTestId('card'),
  ).toHaveCount(10);
  await expect(page.getByTestId('card')).toHaveCount(400);
  await expect(page.locator('[data-pending]')).toHaveCount(0);

  // A link to a card far out of view: the board draws it, brings it into view and focuses it.
  const farCard = page
    .getByRole('group', { name: 'West in Stage 10', exact: true })
    .getByTestId('card')
    .last();
  const farCardId = await farCard.getAttribute('data-card-id');
  await page.goto(`${page.url().split('?')[0]}?card=${farCardId}`);
  const linked = page.locator(`[data-card-id="${farCardId}"]`).getByRole('button', {
    name: 'Card 10',
  });
  await expect(linked).toBeFocused();
  await expect(linked).toBeInViewport();
});

test('a card’s tools never change its height: the "Add card" below a focused card takes the first click', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Steady layout');
  const awareness = { stage: 'Awareness', lane: 'Touchpoints' };
  await board.addCard(awareness, 'Sees an ad');
  const card = board.cardIn('Sees an ad', awareness);
  await card.getByRole('button', { name: 'Sees an ad' }).focus();
  const focused = await card.boundingBox();
  await page.mouse.move(0, 0);
  await page.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }).focus();
  expect((await card.boundingBox())?.height).toBe(focused?.height);

  // Focus leaves the card on the press; the release must land on the same button.
  await card.getByRole('button', { name: 'Sees an ad' }).focus();
  await page.getByRole('button', { name: 'Add card to Customer actions in Awareness' }).click();
  await expect(
    board
      .cell({ stage: 'Awareness', lane: 'Customer actions' })
      .getByRole('textbox', { name: 'Card text' }),
  ).toBeVisible();
});

test('at 1280×720 an open pain-point card in the narrowest column stays on screen: every field in reach, none cut, the byline in line', async ({
  page,
  mapList,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await mapList.goto();
  const board = await mapList.createMap('Short screen', 'B2B SaaS onboarding');
  // Low on the screen: the pain points lane starts near its foot.
  const painPoint = { stage: 'Sign-up', lane: 'Pain points' };
  await board.addCard(painPoint, 'Asks for a card up front');
  const card = board.cardIn('Asks for a card up front', painPoint);
  // Once the feed has the card, the open card says who made it.
  await card.hover();
  await expect(page.getByRole('tooltip')).toContainText('Created by Ada Lovelace');
  await page.mouse.move(0, 0);
  // The column as narrow as it goes: the fields have the least room.
  await page.getByRole('separator', { name: 'Resize stage Sign-up' }).focus();
  await page.keyboard.press('Home');
  // Back at the top of the board, the card sits at the foot of the screen.
  await journeyBoard(page).evaluate((element) => element.closest('.board-scroll')!.scrollTo(0, 0));

  await card.getByRole('button', { name: 'Asks for a card up front', exact: true }).click();
  const byline = card.getByTestId('card-byline');
  await expect(byline).toContainText('Created by Ada Lovelace');
  // Below the sticky stage headers, inside the board's view.
  const { canvas } = await canvasBoxes(page);
  const headers = (await page.getByTestId('stage-header').first().boundingBox())!;
  await expectInside(card, { ...canvas, top: headers.y + headers.height });
  // "High" whole, inside its row of options.
  const severity = (await card.getByRole('group', { name: 'Severity' }).boundingBox())!;
  const high = card.getByRole('button', { name: 'Severity high' });
  await expectInside(high, {
    left: severity.x,
    top: severity.y,
    right: severity.x + severity.width,
    bottom: severity.y + severity.height,
  });
  expect(await high.evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true);
  // Each evidence level whole: the drop-down as wide as one holding just that level would be.
  const evidence = card.getByRole('combobox', { name: 'Evidence' });
  for (const level of await evidence
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))) {
    await evidence.selectOption(level);
    const { width, needs } = await evidence.evaluate((select: HTMLSelectElement) => {
      const alone = select.cloneNode() as HTMLSelectElement;
      alone.removeAttribute('id');
      alone.append(select.selectedOptions[0]!.cloneNode(true));
      alone.style.cssText = 'position: absolute; width: auto; min-width: 0';
      select.after(alone);
      const needs = alone.getBoundingClientRect().width;
      alone.remove();
      return { width: select.getBoundingClientRect().width, needs };
    });
    expect(width, `evidence "${level}" whole`).toBeGreaterThanOrEqual(needs - 0.5);
  }
  // The byline's words start where the fields' do.
  const textStart = (locator: Locator) =>
    locator.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getBoundingClientRect().left;
    });
  expect(await textStart(byline)).toBeCloseTo(
    await textStart(card.getByText('Severity', { exact: true })),
    0,
  );

  // The last field, by keyboard.
  const sources = card.getByRole('textbox', { name: 'Sources' });
  const isFocused = () => sources.evaluate((field) => field === document.activeElement);
  for (let presses = 0; presses < 10 && !(await isFocused()); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(sources).toBeFocused();
  await page.keyboard.type('Trial survey');
  await expect(sources).toHaveValue('Trial survey');
  await expectInside(sources, { ...canvas, top: headers.y + headers.height });
});

test('one card byline at a time: a focused card’s, not the one under the pointer besides; Escape or a card just written puts it away', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('One tooltip');
  const awareness = { stage: 'Awareness', lane: 'Touchpoints' };
  await board.addCard(awareness, 'Sees an ad');
  await board.addCard(awareness, 'Reads a review');
  const elsewhere = page.getByRole('button', { name: 'Add card to Touchpoints in Consideration' });
  const pointed = board.cardIn('Sees an ad', awareness);
  const focused = board.cardIn('Reads a review', awareness);
  // Focus came back to the card just written: its own tooltip stays away (it would cover the
  // card below for as long as focus rests there), so the card pointed at shows its own.
  await expect(focused.getByRole('button', { name: 'Reads a review', exact: true })).toBeFocused();
  await pointed.hover();
  await expect(pointed.getByRole('tooltip')).toContainText('Created by Ada Lovelace');
  await expect(page.getByRole('tooltip')).toHaveCount(1);

  // Focus wins while it is on a card…
  await elsewhere.focus();
  await focused.getByRole('button', { name: 'Reads a review', exact: true }).focus();
  await expect(focused.getByRole('tooltip')).toContainText('Created by Ada Lovelace');
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  // …until Escape puts it away: the pointer's card shows its own again.
  await page.keyboard.press('Escape');
  await expect(pointed.getByRole('tooltip')).toBeVisible();
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  await elsewhere.focus();
  await expect(pointed.getByRole('tooltip')).toBeVisible();
  await expect(page.getByRole('tooltip')).toHaveCount(1);
});

test('at 1366×768 a card’s actions menu hangs from its button at every board zoom: right edges lined up, 4 px away, whole in the window; near the foot it opens upwards, every item uncovered by the byline', async ({
  page,
  mapList,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await mapList.goto();
  const board = await mapList.createMap('Menus at every zoom', 'B2B SaaS onboarding');
  const painPoint = { stage: 'Sign-up', lane: 'Pain points' };
  await board.addCard(painPoint, 'Asks for a card up front');
  const card = board.cardIn('Asks for a card up front', painPoint);
  const button = card.getByRole('button', { name: 'Card actions' });
  const menu = page.getByRole('menu', { name: 'Card actions' });
  const toTheTop = () =>
    journeyBoard(page).evaluate((element) => element.closest('.board-scroll')!.scrollTo(0, 0));

  /** Opens the card's menu, checks it against its button on screen, and says on which side. */
  const menuSide = async (): Promise<'above' | 'below'> => {
    await card.scrollIntoViewIfNeeded();
    await card.hover();
    await button.click();
    await expect(menu.locator('[role^="menuitem"]').first()).toBeFocused();
    const at = (await button.boundingBox())!;
    const box = (await menu.boundingBox())!;
    expect(Math.abs(box.x + box.width - (at.x + at.width)), 'right edges apart').toBeLessThan(1);
    expect(box.x).toBeGreaterThanOrEqual(8);
    expect(box.y).toBeGreaterThanOrEqual(8 - 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(768 - 8 + 0.5);
    const above = at.y - (box.y + box.height);
    const below = box.y - (at.y + at.height);
    const side = Math.abs(above - 4) < 1 ? 'above' : 'below';
    expect(side === 'above' ? above : below, 'gap to the button').toBeCloseTo(4, 0);
    // Closed with Escape: the focus is back on the button, the next zoom can be chosen.
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    return side;
  };

  // At 100 %, back at the top of the board, the card sits at the window's foot: upwards.
  await toTheTop();
  expect((await card.boundingBox())!.y).toBeGreaterThan(768 - 100);
  expect(await menuSide()).toBe('above');
  // The card's byline shows while its menu is open (the card has the focus), and covers none
  // of its items.
  await card.hover();
  await button.click();
  await expect(card.getByRole('tooltip')).toContainText('Created by Ada Lovelace');
  for (const item of await menu.locator('[role^="menuitem"]').all()) {
    await expect(item).toBeInViewport({ ratio: 1 });
    const onTop = await item.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
      return hit !== null && element.contains(hit);
    });
    expect(
      onTop,
      `${(await item.getAttribute('aria-label')) ?? (await item.innerText())} uncovered`,
    ).toBe(true);
  }
  await page.keyboard.press('Escape');

  // Zoomed out (compact cards, whose tools have their own scale) and in: still at its button.
  for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(zoomLevel(page)).toHaveText('48%');
  await toTheTop();
  expect(await menuSide()).toBe('below');
  await zoomLevel(page).click();
  for (let step = 0; step < 2; step++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoomLevel(page)).toHaveText('144%');
  await menuSide();
  await button.click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.getByRole('textbox', { name: 'Card text' })).toHaveValue(
    'Asks for a card up front',
  );
});
