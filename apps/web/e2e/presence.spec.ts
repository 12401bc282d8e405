/// <reference lib="dom" />
// Functions passed to evaluate run in the browser, hence the DOM types.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { openWorkshopTools } from './pages/workshop-tools.ts';

/** The name this browser shows to others (kept on the device until accounts stamp it). */
async function callMe(page: Page, name: string): Promise<void> {
  await page.addInitScript((value) => {
    localStorage.setItem('journeyboard:display-name', value);
  }, name);
}

const scroller = (page: Page) => page.locator('.board-scroll');
/** The e2e project has no DOM lib: the properties these tests touch. */
interface Scrollable {
  scrollLeft: number;
}
interface InlineStyled {
  style: { background: string };
}

test.use({ accountName: 'Ada Lovelace' });

test('two people see each other’s cursor, avatar and editing highlight, and one follows the other', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await callMe(page, 'Ada Lovelace');
  await page.setViewportSize({ width: 900, height: 700 });
  await mapList.goto();
  const mine = await mapList.createMap('Workshop map');
  // The server stamps presence with the account name (fixtures sign people up).
  const other = await openSecondBrowser({ name: 'Bo Li' });
  await callMe(other, 'Bo Li');
  await other.setViewportSize({ width: 900, height: 700 });
  const theirs = new BoardPage(other);
  await theirs.open(page.url());

  // Avatars: each sees the other, and their own under the name the others see.
  await expect(page.getByRole('img', { name: 'You: Ada Lovelace' })).toBeVisible();
  await expect(other.getByRole('img', { name: 'You: Bo Li' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Follow Bo Li' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Follow Ada Lovelace' })).toBeVisible();

  // Each wears one colour on this map: the same on their own screen as on the other's, and
  // not the other's (colours are handed out per map, not hashed into a few).
  const background = (avatar: Locator) =>
    avatar.evaluate((element) => (element as unknown as InlineStyled).style.background);
  const adaOwn = page.getByRole('img', { name: 'You: Ada Lovelace' });
  const adaOnBo = other.getByRole('button', { name: 'Follow Ada Lovelace' });
  const boOwn = other.getByRole('img', { name: 'You: Bo Li' });
  await expect.poll(() => background(adaOwn)).toBe(await background(adaOnBo));
  await expect
    .poll(() => background(boOwn))
    .toBe(await background(page.getByRole('button', { name: 'Follow Bo Li' })));
  expect(await background(adaOwn)).not.toBe(await background(boOwn));

  // Ada's cursor appears on Bo's board, labelled with her name.
  await mine.pointAtBoard();
  const adaCursor = theirs.cursorOf('Ada Lovelace');
  await expect(adaCursor).toBeVisible();
  await expect(adaCursor).toContainText('Ada Lovelace');

  // Ada points at the board's right edge, her name hanging past it: Bo's board keeps its size.
  // (A cursor that widened the scroll area as it moved repainted the whole board with every
  // presence update: a facilitator's laptop in a room of 28 repainted 60 times a second.)
  const scrollWidth = (p: Page) =>
    scroller(p).evaluate((element) => (element as unknown as { scrollWidth: number }).scrollWidth);
  const boardOf = (p: Page) => p.getByRole('region', { name: 'Journey board' });
  const boWidth = await scrollWidth(other);
  await scroller(page).evaluate((element) => {
    (element as unknown as Scrollable).scrollLeft = 100_000;
  });
  const adaBoard = (await boardOf(page).boundingBox())!;
  await page.mouse.move(adaBoard.x + adaBoard.width - 4, adaBoard.y + 160, { steps: 4 });
  await expect
    .poll(async () => {
      const [cursor, board] = [await adaCursor.boundingBox(), await boardOf(other).boundingBox()];
      return cursor!.x - board!.x;
    })
    .toBeGreaterThan(adaBoard.width - 10);
  expect(await scrollWidth(other)).toBe(boWidth);
  // …and her name turns back inside the board, to be read whole.
  const adaName = adaCursor.getByText('Ada Lovelace');
  await expect
    .poll(async () => {
      const [name, board] = [await adaName.boundingBox(), await boardOf(other).boundingBox()];
      return name!.x + name!.width - (board!.x + board!.width);
    })
    .toBeLessThanOrEqual(0);

  // Bo hides other people's cursors (thirty names moving over the cards a workshop reads):
  // Ada's goes; what she is editing still shows, below.
  const everyone = other.getByRole('button', { name: 'Everyone on this map (1 other)' });
  const showCursors = other.getByRole('menuitemcheckbox', { name: 'Show others’ cursors' });
  await everyone.click();
  await expect(showCursors).toHaveAttribute('aria-checked', 'true');
  await showCursors.click();
  await expect(adaCursor).toBeHidden();

  // The card Ada is editing is highlighted for Bo.
  await page.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }).click();
  await expect(other.getByLabel('Empty card')).toHaveCSS('outline-style', 'solid');
  // It has no text yet: it says who is writing it, not "Empty card".
  const placeholder = other.getByLabel('Empty card').locator('.card__text--empty');
  const shown = () =>
    placeholder.evaluate(
      (element) =>
        (
          globalThis as unknown as {
            getComputedStyle(element: unknown, pseudo: string): { content: string };
          }
        ).getComputedStyle(element, '::before').content,
    );
  await expect.poll(shown).toBe('"Ada Lovelace is writing…"');
  // …once: not with "Ada Lovelace is editing" over the card as well.
  const label = await other.getByLabel('Empty card').evaluate(
    (element) =>
      (
        globalThis as unknown as {
          getComputedStyle(element: unknown, pseudo: string): { content: string };
        }
      ).getComputedStyle(element, '::after').content,
  );
  expect(label).toBe('none');
  await page.keyboard.press('Escape');

  // Bo follows Ada: when she scrolls, his board scrolls with her.
  await other.getByRole('button', { name: 'Follow Ada Lovelace' }).click();
  await expect(other.getByRole('button', { name: 'Follow Ada Lovelace' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // With others' cursors hidden, the one he follows still shows: it is why he follows.
  await expect(adaCursor).toBeVisible();
  await scroller(page).evaluate((element) => {
    (element as unknown as Scrollable).scrollLeft = 400;
  });
  await expect
    .poll(() =>
      scroller(other).evaluate((element) => (element as unknown as Scrollable).scrollLeft),
    )
    .toBeGreaterThan(300);

  // Moving himself ends following.
  await scroller(other).dispatchEvent('wheel');
  await expect(other.getByRole('button', { name: 'Follow Ada Lovelace' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(adaCursor).toBeHidden();
  // Kept on his device: after a reload they are still hidden, until he shows them again.
  await other.reload();
  await theirs.expectLive();
  await mine.pointAtBoard();
  await everyone.click();
  await expect(showCursors).toHaveAttribute('aria-checked', 'false');
  await expect(adaCursor).toBeHidden();
  await showCursors.click();
  await expect(adaCursor).toBeVisible();
  await mine.expectLive();
});

test('a reload without the server shows the map kept on this device, and offline edits arrive later', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Flaky wifi map');
  const other = new BoardPage(await openSecondBrowser());
  await other.open(page.url());
  await mine.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Seen before the outage');

  // The sync server becomes unreachable for this browser (the page itself still loads).
  let serverReachable = false;
  await page.routeWebSocket(/\/sync\//, (socket) => {
    if (serverReachable) socket.connectToServer();
    else void socket.close();
  });
  await page.reload();
  // The network is up, the server isn't there: it says when it tries next.
  await expect(mine.connectionStatus()).toContainText(
    /Reconnecting… (next try in \d+ s|trying now)/,
  );
  await expect(
    mine.cardIn('Seen before the outage', { stage: 'Awareness', lane: 'Touchpoints' }),
  ).toBeVisible();

  // Edits made while offline are kept and reach the others once the server is back.
  await mine.addCard({ stage: 'Purchase', lane: 'Pain points' }, 'Written offline');
  // Adding the card and typing its text: two changes, kept until the server has them.
  await expect(mine.connectionStatus()).toContainText('2 changes waiting');
  serverReachable = true;
  await mine.expectLive();
  await expect(
    other.cardIn('Written offline', { stage: 'Purchase', lane: 'Pain points' }),
  ).toBeVisible();
});

test('at 1366 px the name of someone editing the first card of the first lane shows whole, not under the sticky stage headers', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await mapList.goto();
  await mapList.createMap('Name tags', 'B2B SaaS onboarding');
  const other = await openSecondBrowser({ name: 'Bo Li' });
  await other.setViewportSize({ width: 1366, height: 768 });
  const theirs = new BoardPage(other);
  await theirs.open(page.url());
  await theirs.card('Pricing page “Start free trial”').getByRole('button').first().click();
  await expect(other.getByRole('textbox', { name: 'Card text' })).toBeVisible();

  const card = new BoardPage(page).card('Pricing page “Start free trial”');
  await expect(card).toHaveCSS('outline-style', 'solid');
  const tag = await card.evaluate((element) => {
    const style = getComputedStyle(element, '::after');
    const box = element.getBoundingClientRect();
    const top =
      style.top === 'auto'
        ? box.bottom - Number.parseFloat(style.bottom) - Number.parseFloat(style.height)
        : box.top + Number.parseFloat(style.top);
    return { text: style.content, top };
  });
  expect(tag.text).toBe('"Bo Li is editing"');
  const headers = (await page.getByTestId('stage-header').first().boundingBox())!;
  expect(tag.top, 'below the stage headers').toBeGreaterThanOrEqual(headers.y + headers.height);
});

test('a reaction beside a cursor on the stage titles shows whole, under the board’s top edge and clear of the name', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await mapList.goto();
  await mapList.createMap('Reactions at the top');
  const other = await openSecondBrowser({ name: 'Bo Li' });
  await other.setViewportSize({ width: 900, height: 700 });
  await new BoardPage(other).open(page.url());

  // Bo reacts, and goes back to pointing at the top of a stage's title within its few seconds.
  await openWorkshopTools(other);
  await other.getByRole('button', { name: 'React: Thumbs up' }).click();
  const board = (await other.getByRole('region', { name: 'Journey board' }).boundingBox())!;
  await other.mouse.move(board.x + 400, board.y + 40, { steps: 3 });
  await other.mouse.move(board.x + 400, board.y + 3, { steps: 3 });

  const cursor = new BoardPage(page).cursorOf('Bo Li');
  // (The layer is hidden from screen readers: the avatar says who reacted.)
  const reaction = cursor.getByTestId('reaction-bubble');
  await expect(reaction).toHaveAttribute('data-kind', 'thumbs-up');
  const top = (await page.getByRole('region', { name: 'Journey board' }).boundingBox())!.y;
  await expect.poll(async () => (await cursor.boundingBox())!.y).toBeLessThan(top + 10);
  const bubble = (await reaction.boundingBox())!;
  expect(bubble.y, 'the reaction’s top is on the board').toBeGreaterThanOrEqual(top - 0.5);
  const name = (await cursor.getByText('Bo Li').boundingBox())!;
  expect(name.y, 'the name is below the reaction').toBeGreaterThanOrEqual(
    bubble.y + bubble.height - 0.5,
  );
});

test('a commenter’s read-only board shows who is here and where they point, follows them, and shows the commenter pointing', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await mapList.goto();
  await mapList.createMap('Pointing in a workshop');
  const cara = await openSecondBrowser({ name: 'Cara Commenter', role: 'commenter' });
  await cara.setViewportSize({ width: 900, height: 700 });
  await cara.goto(page.url());
  await expect(cara.getByTestId('read-only-board')).toBeVisible();
  const avatars = (on: Page) => on.getByRole('group', { name: 'People on this map' });
  await expect(avatars(cara).getByRole('button', { name: 'Follow Ada Lovelace' })).toBeVisible();
  await expect(avatars(page).getByRole('button', { name: 'Follow Cara Commenter' })).toBeVisible();

  // Ada points; Cara sees it. Cara points back; Ada sees hers.
  const [ada, caras] = [new BoardPage(page), new BoardPage(cara)];
  await ada.pointAtBoard();
  await expect(caras.cursorOf('Ada Lovelace')).toBeVisible();
  await caras.pointAtBoard();
  await expect(ada.cursorOf('Cara Commenter')).toBeVisible();

  // Cara follows Ada: when Ada scrolls, Cara's board scrolls with her.
  await avatars(cara).getByRole('button', { name: 'Follow Ada Lovelace' }).click();
  await scroller(page).evaluate((element) => {
    (element as unknown as Scrollable).scrollLeft = 400;
  });
  await expect
    .poll(() => scroller(cara).evaluate((element) => (element as unknown as Scrollable).scrollLeft))
    .toBeGreaterThan(300);
});

test('one person with the map open in two tabs is one avatar, for others and for themselves', async ({
  page,
  context,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Two tabs');
  const secondTab = new BoardPage(await context.newPage());
  await secondTab.open(page.url());
  const other = new BoardPage(await openSecondBrowser({ name: 'Bo Li' }));
  await other.open(page.url());

  // Bo has both of Ada's tabs: each points at the board, and he sees both pointers.
  for (const tab of [mine, secondTab]) await tab.pointAtBoard();
  await expect(other.cursorOf('Ada Lovelace')).toHaveCount(2);

  // (Besides the avatars, the people list: "Everyone on this map (1 other)".)
  const avatars = (on: Page) =>
    on.getByRole('group', { name: 'People on this map' }).getByRole('button', { name: /^Follow / });
  await expect(avatars(other.page)).toHaveCount(1);
  await expect(avatars(other.page)).toHaveAccessibleName('Follow Ada Lovelace');
  // Ada's other tab is Ada: her own avatar only, and Bo's.
  await expect(avatars(secondTab.page)).toHaveCount(1);
  await expect(avatars(secondTab.page)).toHaveAccessibleName('Follow Bo Li');
  await expect(avatars(page)).toHaveCount(1);
  await expect(avatars(page)).toHaveAccessibleName('Follow Bo Li');
  await mine.expectLive();
});

test('deleting a card someone is writing in asks first — by menu or Delete key; if they finish meanwhile the question says so; deleted anyway, they are told by whom and can put it back with their text', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Asked before deleting', 'B2B SaaS onboarding');
  const other = await openSecondBrowser({ name: 'Bo Li' });
  const theirs = new BoardPage(other);
  await theirs.open(page.url());
  const bosEditor = other.getByRole('textbox', { name: 'Card text' });
  const startWriting = async (card: string, text: string) => {
    await theirs.card(card).getByRole('button').first().click();
    await bosEditor.fill(text);
    await expect(mine.card(card)).toHaveCSS('outline-style', 'solid');
  };
  const deleteFromMenu = async (card: string) => {
    await mine.card(card).hover();
    await mine.card(card).getByRole('button', { name: 'Card actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete card' }).click();
  };
  const writing = page.getByRole('alertdialog', { name: 'Bo Li is writing in this card' });

  // From the card's menu: asked, and Cancel keeps the card and Bo's unsent text.
  const text = 'Pricing page “Start free trial”';
  await startWriting(text, 'Pricing page, rewritten');
  await deleteFromMenu(text);
  await expect(writing).toContainText('What they have typed is not on the board yet.');
  await writing.getByRole('button', { name: 'Cancel' }).click();
  await expect(mine.card(text)).toBeVisible();
  await expect(bosEditor).toHaveValue('Pricing page, rewritten');

  // With the Delete key: asked; Bo finishes before Ada answers, and the question follows.
  await mine.card(text).getByRole('button').first().focus();
  await page.keyboard.press('Delete');
  await expect(writing).toBeVisible();
  await bosEditor.press('Control+Enter');
  await expect(mine.card('Pricing page, rewritten')).toBeVisible();
  const finished = page.getByRole('alertdialog', { name: 'Bo Li finished writing in this card' });
  await expect(finished).toContainText('What they wrote is on the board now');
  await expect(finished).not.toContainText('can put it back');
  await expect(finished.getByRole('button', { name: 'Delete card', exact: true })).toBeVisible();
  await finished.getByRole('button', { name: 'Cancel' }).click();
  await expect(mine.card('Pricing page, rewritten')).toBeVisible();

  // Bo writes again; Ada deletes anyway; Bo is told and puts it back with his text.
  await startWriting('Pricing page, rewritten', 'Pricing page, rewritten twice');
  await deleteFromMenu('Pricing page, rewritten');
  await writing.getByRole('button', { name: 'Delete card anyway' }).press('Enter');
  await expect(mine.card('Pricing page, rewritten')).toHaveCount(0);
  // A keyboard user stays in the card's cell, as after any delete (not on the page's body).
  await expect(
    page.getByRole('button', { name: 'Add card to Touchpoints in Sign-up' }),
  ).toBeFocused();
  const told = other.getByRole('status').filter({ hasText: 'deleted the card you were writing' });
  // Named from the card's activity once the server has written it (a second or so).
  await expect(told).toContainText('Ada Lovelace deleted the card you were writing');
  await told.getByRole('button', { name: 'Put it back' }).click();
  await expect(bosEditor).toHaveValue('Pricing page, rewritten twice');
});
