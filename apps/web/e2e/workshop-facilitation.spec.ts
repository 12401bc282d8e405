import type { Page } from '@playwright/test';
import { SUMMON_LEASE_MS, SUMMON_RENEW_MS } from '@journeyboard/shared';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { openWorkshopTools, WorkshopTools } from './pages/workshop-tools.ts';

test.use({ accountName: 'Fiona Facilitator' });

async function joinWorkshop(page: Page, joinUrl: string, name: string): Promise<BoardPage> {
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  const board = new BoardPage(page);
  await board.expectLive();
  return board;
}

/** A facilitator's map from the support template, and a workshop guest on it (both windows `size`, if given). */
async function workshopWithGuest(
  page: Page,
  mapList: {
    goto(): Promise<void>;
    createMap(title: string, template?: string): Promise<BoardPage>;
  },
  openSecondBrowser: (options?: { signedIn?: boolean }) => Promise<Page>,
  size?: { width: number; height: number },
) {
  if (size) await page.setViewportSize(size);
  await mapList.goto();
  const facilitator = await mapList.createMap('Support workshop', 'Customer support');
  const joinUrl = await facilitator.createWorkshopLink({ structureLocked: false });
  await page.getByRole('button', { name: 'Done' }).click();
  const guestPage = await openSecondBrowser({ signedIn: false });
  if (size) await guestPage.setViewportSize(size);
  const guest = await joinWorkshop(guestPage, joinUrl, 'Gabi from Support');
  return { facilitator, guest, guestPage };
}

/** The facilitator (`page`) locks the whole board, or lifts that lock. */
async function toggleBoardLock(page: Page): Promise<void> {
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Locks' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Lock the whole board' }).click();
}

/** Small enough that the board scrolls both ways. */
const SMALL_WINDOW = { width: 900, height: 700 };

const STAGES = [/Problem occurs/, /Seeks help/, /Contacts support/, /Resolution/, /Follow-up/];

test('a structure lock: the participant sees the lock and can neither rename nor drag a stage; the facilitator still can', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { facilitator, guest, guestPage } = await workshopWithGuest(
    page,
    mapList,
    openSecondBrowser,
  );
  await expect(guestPage.getByRole('button', { name: 'Rename stage Seeks help' })).toBeVisible();
  // Only facilitators are offered locks.
  await openWorkshopTools(guestPage);
  await expect(guestPage.getByRole('button', { name: 'Locks' })).toHaveCount(0);

  await new WorkshopTools(page).toggleStructureLock();

  await expect(guestPage.getByRole('button', { name: 'Stage Seeks help is locked' })).toBeVisible();
  // Pressed (tapped on a phone, where a tooltip never shows), the badge says what it holds.
  await guestPage.getByRole('button', { name: 'Stage Seeks help is locked' }).click();
  const holds = guestPage.getByText(
    'Stage Seeks help is locked. Locked with the board’s structure: the stage’s title and place stay; its cards and scores can still change.',
  );
  await expect(holds).toBeVisible();
  await guestPage.keyboard.press('Escape');
  await expect(holds).toBeHidden();
  await expect(
    guestPage.getByRole('status').filter({ hasText: 'locked the board’s structure' }),
  ).toBeVisible();
  await expect(guestPage.getByRole('button', { name: 'Rename stage Seeks help' })).toHaveCount(0);
  // The map's name is the frame too: a guest renamed it for everyone, leadership included.
  await expect(guestPage.getByRole('heading', { name: 'Support workshop' })).toBeVisible();
  await expect(guestPage.getByRole('button', { name: /^Rename map/ })).toHaveCount(0);
  // The stage's menu keeps only what a lock leaves: commenting.
  await guestPage.getByRole('button', { name: 'Actions for stage Seeks help' }).focus();
  await guestPage.keyboard.press('Enter');
  await expect(guestPage.getByRole('menu', { name: 'Stage Seeks help' })).toHaveText('Comment');
  await guestPage.keyboard.press('Escape');
  await expect(guestPage.getByRole('button', { name: 'Add stage' })).toHaveCount(0);
  // Cards stay the participant's to edit.
  await expect(
    guestPage.getByRole('button', { name: 'Add card to Pain points in Seeks help' }),
  ).toBeVisible();

  await guest.dragStage('Problem occurs', 'Seeks help');
  await expect(guest.stageHeaders()).toHaveText(STAGES);
  await expect(facilitator.stageHeaders()).toHaveText(STAGES);

  // The facilitator is not bound: renaming works and reaches the participant.
  await expect(page.getByRole('button', { name: 'Stage Seeks help is locked' })).toBeVisible();
  await page.getByRole('button', { name: 'Rename stage Seeks help' }).click();
  await page.getByLabel('Stage title').fill('Looks for help');
  await page.getByLabel('Stage title').press('Enter');
  await expect(guest.stageHeaders().nth(1)).toContainText('Looks for help');
  // … and so does dragging a stage (the same drag the participant's board ignored).
  await facilitator.dragStage('Problem occurs', 'Looks for help');
  await expect(guest.stageHeaders().first()).toContainText('Looks for help');
  await expect(guest.stageHeaders().nth(1)).toContainText('Problem occurs');

  // Lifted: the participant may rename again.
  await new WorkshopTools(page).toggleStructureLock();
  await expect(guestPage.getByRole('button', { name: /is locked/ })).toHaveCount(0);
  await expect(
    guestPage.getByRole('button', { name: 'Rename stage Problem occurs' }),
  ).toBeVisible();
  await expect(
    guestPage.getByRole('button', { name: 'Rename map Support workshop' }),
  ).toBeVisible();

  // Locked again, then the link closed: the participant can change nothing now, and no
  // banner says cards are theirs to edit.
  await new WorkshopTools(page).toggleStructureLock();
  const lockStatus = guestPage
    .getByRole('status')
    .filter({ hasText: 'locked the board’s structure' });
  await expect(lockStatus).toBeVisible();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('button', { name: 'Revoke workshop link 1' }).click();
  await page.getByRole('button', { name: 'Revoke link' }).click();
  await expect(guest.connectionStatus()).toContainText('The workshop link was closed');
  await expect(lockStatus).toHaveCount(0);
});

const scroller = (page: Page) => page.locator('.board-scroll');
/** The e2e project has no DOM lib: the parts of the DOM these tests touch. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface BoardElement {
  scrollLeft: number;
  clientWidth: number;
  clientHeight: number;
  getBoundingClientRect(): Box;
  querySelector(selector: string): BoardElement | null;
}
interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}
const scrollTo = (page: Page, left: number) =>
  scroller(page).evaluate((element, value) => {
    (element as unknown as BoardElement).scrollLeft = value;
  }, left);
/**
 * The part of the board a person sees, in board coordinates (CSS pixels at 100 %): what the
 * sticky stage headers and lane titles leave of the view, where the cards show.
 */
const visibleArea = (page: Page): Promise<Area> =>
  scroller(page).evaluate((element) => {
    const view = element as unknown as BoardElement;
    const board = view.querySelector('.board')!;
    const styles = globalThis as unknown as {
      getComputedStyle(element: BoardElement): { zoom: string };
    };
    const zoom = Number.parseFloat(styles.getComputedStyle(board).zoom) || 1;
    const [outer, inner] = [view.getBoundingClientRect(), board.getBoundingClientRect()];
    const left = Math.max(
      outer.left,
      board.querySelector('.board-corner')!.getBoundingClientRect().right,
    );
    const top = Math.max(
      outer.top,
      board.querySelector('.board-row--header')!.getBoundingClientRect().bottom,
    );
    return {
      x: (left - inner.left) / zoom,
      y: (top - inner.top) / zoom,
      width: (outer.left + view.clientWidth - left) / zoom,
      height: (outer.top + view.clientHeight - top) / zoom,
    };
  });
/** Whether `outer` shows all of `inner`, give or take the rounding of a zoom to whole per cent. */
const shows = (outer: Area, inner: Area, slack = 8) =>
  outer.x <= inner.x + slack &&
  outer.y <= inner.y + slack &&
  outer.x + outer.width >= inner.x + inner.width - slack &&
  outer.y + outer.height >= inner.y + inner.height - slack;
/**
 * The follower ends up seeing everything the leader sees — give or take, at the board's top,
 * the few board pixels its own stage headers cover more than the leader's (drawn at its zoom).
 */
const expectFollows = (follower: Page, leader: Page) =>
  expect
    .poll(async () => shows(await visibleArea(follower), await visibleArea(leader), 16))
    .toBe(true);
interface Hit {
  closest(selector: string): { getAttribute(name: string): string | null } | null;
}
/** The stage and lane of the cell in the middle of a person's view: what they are looking at. */
const cellAtCentre = (page: Page): Promise<string | null> =>
  scroller(page).evaluate((element) => {
    const box = (element as unknown as BoardElement).getBoundingClientRect();
    const { document } = globalThis as unknown as {
      document: { elementFromPoint(x: number, y: number): Hit | null };
    };
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const cell = hit?.closest('[data-stage-id][data-lane-id]');
    return cell
      ? `${cell.getAttribute('data-stage-id')} ${cell.getAttribute('data-lane-id')}`
      : null;
  });
const percentOf = async (page: Page) =>
  Number.parseInt((await page.getByTestId('zoom-level').textContent()) ?? '', 10);

test('"Bring everyone to me" moves the participant’s view with a banner; "Stop following" and moving oneself end it; the facilitator spotlights a stage', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { guestPage } = await workshopWithGuest(page, mapList, openSecondBrowser, SMALL_WINDOW);
  await openWorkshopTools(guestPage);
  await expect(guestPage.getByRole('button', { name: 'Bring everyone to me' })).toHaveCount(0);
  await openWorkshopTools(page);
  await scrollTo(page, 400);
  expect(shows(await visibleArea(guestPage), await visibleArea(page))).toBe(false);
  await page.getByRole('button', { name: 'Bring everyone to me' }).click();
  const along = page.getByRole('status').filter({ hasText: 'Gabi from Support follows your view' });
  const elsewhere = page.getByRole('status').filter({
    hasText: 'Nobody follows your view · not following: Gabi from Support',
  });
  await expect(along).toBeVisible();
  const banner = guestPage
    .getByRole('status')
    .filter({ hasText: 'Following Fiona Facilitator’s view' });
  await expect(banner).toBeVisible();
  await expectFollows(guestPage, page);

  // The facilitator moves: the participant follows.
  await scrollTo(page, 0);
  await expectFollows(guestPage, page);

  // …and zooms out: the participant sees the same area, zoomed to fit their screen (which the
  // banner makes a little shorter than the facilitator's).
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(page.getByTestId('zoom-level')).toHaveText('69%');
  await expect.poll(() => percentOf(guestPage)).toBeLessThanOrEqual(69);
  await expectFollows(guestPage, page);

  // "Stop following" ends it for the participant only, and the facilitator sees who left.
  await banner.getByRole('button', { name: 'Stop following' }).click();
  await expect(banner).toHaveCount(0);
  await expect(elsewhere).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop bringing everyone along' })).toBeVisible();

  // A new summon brings them back; moving themselves ends it again.
  await page.getByRole('button', { name: 'Stop bringing everyone along' }).click();
  await scrollTo(page, 400);
  await page.getByRole('button', { name: 'Bring everyone to me' }).click();
  await expect(banner).toBeVisible();
  await expect(along).toBeVisible();
  await expectFollows(guestPage, page);
  await scroller(guestPage).dispatchEvent('wheel');
  await expect(banner).toHaveCount(0);
  await expect(elsewhere).toBeVisible();

  // The spotlight: everyone sees which stage the facilitator points at.
  // The stage toolbar shows on focus (and hover); the keyboard reaches it without a pointer.
  await page.getByRole('button', { name: 'Actions for stage Resolution' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('menuitemcheckbox', { name: 'Spotlight for everyone' }),
  ).toBeVisible();
  await page.keyboard.press('ArrowUp'); // the menu's last item but one: before Delete stage
  await page.keyboard.press('ArrowUp');
  await expect(
    page.getByRole('menuitemcheckbox', { name: 'Spotlight for everyone' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    guestPage.getByRole('status').filter({ hasText: 'Spotlight on Resolution' }),
  ).toBeVisible();
  await expect(guestPage.getByTestId('stage-header').filter({ hasText: 'Resolution' })).toHaveCSS(
    'outline-style',
    'solid',
  );
});

test('a phone following "Bring everyone to me" sees the middle of the facilitator’s view at a readable zoom, and gets its own view back when the summon ends', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await mapList.goto();
  const facilitator = await mapList.createMap('Support workshop', 'Customer support');
  const joinUrl = await facilitator.createWorkshopLink({ structureLocked: false });
  await page.getByRole('button', { name: 'Done' }).click();
  const phone = await openSecondBrowser({ signedIn: false });
  await phone.setViewportSize({ width: 390, height: 844 });
  await joinWorkshop(phone, joinUrl, 'Gabi from Support');
  await expect(phone.getByTestId('zoom-level')).toHaveText('100%');

  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Bring everyone to me' }).click();
  await expect(
    phone.getByRole('status').filter({ hasText: 'Following Fiona Facilitator’s view' }),
  ).toBeVisible();
  // Fitted whole, the laptop's view would be ~27 % here: cards cut to a word.
  await expect.poll(() => percentOf(phone)).toBeGreaterThanOrEqual(67);
  await expect.poll(() => percentOf(phone)).toBeLessThan(100);
  // What the phone shows beside its lane titles is the middle of what the facilitator sees
  // beside theirs (across; a phone is taller), to a few board pixels: centred on the whole
  // screens, it was 13 px to the left here, and more with wider titles.
  const offMiddle = async () => {
    const [laptop, seen] = [await visibleArea(page), await visibleArea(phone)];
    const inside = seen.x >= laptop.x - 8 && seen.x + seen.width <= laptop.x + laptop.width + 8;
    return inside ? Math.abs(laptop.x + laptop.width / 2 - (seen.x + seen.width / 2)) : Infinity;
  };
  await expect.poll(offMiddle).toBeLessThan(4);

  await page.getByRole('button', { name: 'Stop bringing everyone along' }).click();
  await expect(phone.getByTestId('zoom-level')).toHaveText('100%');

  // A spotlit stage comes into the room the lane titles leave: centred on the whole phone, it
  // was half under them, its title hidden.
  await page.getByRole('button', { name: 'Actions for stage Resolution' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitemcheckbox', { name: 'Spotlight for everyone' }).click();
  const spotlit = phone.getByTestId('stage-header').filter({ hasText: 'Resolution' });
  await expect(spotlit).toHaveCSS('outline-style', 'solid');
  const besideLaneTitles = async () => {
    const corner = (await phone.locator('.board-corner').boundingBox())!;
    const header = (await spotlit.boundingBox())!;
    return header.x >= corner.x + corner.width - 1 && header.x + header.width <= 390 + 1;
  };
  await expect.poll(besideLaneTitles).toBe(true);
});

test('a board lock holds the map’s name too: the participant is offered no rename until it is lifted; the facilitator still renames', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { guestPage } = await workshopWithGuest(page, mapList, openSecondBrowser);
  const guestRename = guestPage.getByRole('button', { name: 'Rename map Support workshop' });
  await expect(guestRename).toBeVisible();
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Locks' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Lock the whole board' }).click();

  await expect(guestPage.getByText('The facilitator locked the board')).toBeVisible();
  await expect(guestRename).toHaveCount(0);
  // Locked out of editing, the participant still sees where the facilitator points.
  await new BoardPage(page).pointAtBoard();
  await expect(guestPage.getByTestId('presence-cursor')).toBeVisible();
  await expect(guestPage.getByRole('heading', { name: 'Support workshop' })).toBeVisible();
  await page.getByRole('button', { name: 'Rename map Support workshop' }).click();
  await page.getByLabel('Map title').fill('Support workshop, day 2');
  await page.getByLabel('Map title').press('Enter');
  await expect(guestPage.getByRole('heading', { name: 'Support workshop, day 2' })).toBeVisible();

  await page.getByRole('button', { name: 'Locks' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Lock the whole board' }).click();
  await expect(
    guestPage.getByRole('button', { name: 'Rename map Support workshop, day 2' }),
  ).toBeVisible();
});

test('under a board lock the participant’s Undo waits: nothing flickers, and their own change can still be undone once the lock is lifted', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { guest, guestPage } = await workshopWithGuest(page, mapList, openSecondBrowser);
  await guestPage.getByRole('button', { name: 'Add card to Thoughts in Seeks help' }).click();
  await guest.cardEditor().fill('An idea of mine');
  await guest.cardEditor().press('Control+Enter');
  const mine = guestPage.getByTestId('card').and(guestPage.getByLabel('An idea of mine'));
  await expect(page.getByTestId('card').and(page.getByLabel('An idea of mine'))).toBeVisible();
  const undo = guestPage.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeEnabled();

  await toggleBoardLock(page);
  await expect(guestPage.getByText('The facilitator locked the board')).toBeVisible();
  await expect(undo).toBeDisabled();
  // The shortcut waits too: the server would only put the card back.
  await guestPage.locator('body').press('Control+z');
  await expect(mine).toBeVisible();

  await toggleBoardLock(page);
  await expect(guestPage.getByText('The facilitator locked the board')).toHaveCount(0);
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(mine).toHaveCount(0);
  await expect(page.getByTestId('card').and(page.getByLabel('An idea of mine'))).toHaveCount(0);
});

test('a board locked while a participant writes a card: they are told their words are kept, a reload keeps them, and they get the editor back with them once it is lifted', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { guest, guestPage } = await workshopWithGuest(page, mapList, openSecondBrowser);
  await guestPage.getByRole('button', { name: 'Add card to Thoughts in Seeks help' }).click();
  await guest.cardEditor().fill('On hold for ages');

  await toggleBoardLock(page);
  await expect(guest.cardEditor()).toHaveCount(0);
  const kept = guestPage.getByRole('status').filter({
    hasText: 'The card you were writing was locked: “On hold for ages” is kept in this tab',
  });
  await expect(kept).toBeVisible();
  // The board seems stuck: they reload it (the words were in memory only, and were lost).
  await guestPage.reload();
  await expect(kept).toBeVisible();

  await toggleBoardLock(page);
  await expect(guest.cardEditor()).toHaveValue('On hold for ages');
  await expect(kept).toHaveCount(0);
  await guest.cardEditor().press('Control+Enter');
  await expect(page.getByTestId('card').and(page.getByLabel('On hold for ages'))).toBeVisible();
});

test('a card deleted under a board lock while a participant writes it: they may put it back once the lock is lifted, not before', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { guest, guestPage } = await workshopWithGuest(page, mapList, openSecondBrowser);
  await guestPage.getByRole('button', { name: 'Add card to Thoughts in Seeks help' }).click();
  await guest.cardEditor().fill('On hold for ages');
  await toggleBoardLock(page);
  await expect(guest.cardEditor()).toHaveCount(0);

  // The facilitator sees an empty card and deletes it.
  const empty = page.getByTestId('card').filter({ hasText: 'Empty card' });
  await empty.hover();
  await empty.getByRole('button', { name: 'Card actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete card' }).click();
  const deleted = guestPage
    .getByRole('status')
    .filter({ hasText: 'deleted the card you were writing' });
  await expect(deleted).toContainText(
    '“On hold for ages”. You can put it back once it is unlocked.',
  );
  await expect(deleted.getByRole('button', { name: 'Put it back' })).toHaveCount(0);
  // A reload keeps the words to put back.
  await guestPage.reload();
  await expect(deleted).toContainText(
    '“On hold for ages”. You can put it back once it is unlocked.',
  );

  await toggleBoardLock(page);
  await deleted.getByRole('button', { name: 'Put it back' }).click();
  await expect(guest.cardEditor()).toHaveValue('On hold for ages');
  await guest.cardEditor().press('Control+Enter');
  await expect(page.getByTestId('card').and(page.getByLabel('On hold for ages'))).toBeVisible();
});

test('a silent brainstorm: no private card in a stage the facilitator locked; a new private card opens as wide as the card; one still being written at the reveal goes on the board where it was written', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { guestPage } = await workshopWithGuest(page, mapList, openSecondBrowser);
  await page.getByRole('button', { name: 'Rename stage Resolution' }).hover();
  await page.getByRole('button', { name: 'Actions for stage Resolution' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Lock stage' }).click();
  await expect(guestPage.getByRole('button', { name: 'Stage Resolution is locked' })).toBeVisible();
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Start a silent brainstorm' }).click();

  // A private card in the locked stage would land there at the reveal: none is offered.
  const addPrivate = guestPage.getByRole('button', {
    name: 'Add private card to Pain points in Problem occurs',
  });
  await expect(addPrivate).toBeVisible();
  await expect(
    guestPage.getByRole('button', { name: /^Add private card to .* in Resolution$/ }),
  ).toHaveCount(0);

  await addPrivate.click();
  const text = guestPage.getByLabel('Private card text');
  // A longer idea: the box grows to show all of it (past its second line it was hidden).
  await text.fill(
    'Nobody calls back\nafter the ticket\nis closed, so\ncustomers open\nanother one',
  );
  expect(await text.evaluate((element) => element.scrollHeight - element.clientHeight)).toBe(0);
  await text.fill('Nobody calls back');
  const box = (await text.boundingBox())!;
  const card = (await guestPage
    .getByRole('list', { name: 'Your private cards in Pain points, Problem occurs' })
    .getByRole('listitem')
    .boundingBox())!;
  // The text box takes the card's width (less the room kept for its tools), not a sliver
  // beside the hint under it: one short line stays one line.
  expect(box.width).toBeGreaterThan(card.width / 2);
  await expect(guestPage.getByText('Ctrl+Enter or click away saves · Esc cancels')).toBeVisible();
  const hint = (await guestPage
    .getByText('Ctrl+Enter or click away saves · Esc cancels')
    .boundingBox())!;
  expect(hint.y).toBeGreaterThanOrEqual(box.y + box.height - 1);

  // Typed, not yet saved (no Ctrl+Enter, no click away) as the facilitator reveals.
  await page
    .getByRole('region', { name: 'Silent brainstorm' })
    .getByRole('button', { name: 'Reveal everyone’s cards' })
    .click();
  for (const p of [guestPage, page]) {
    await expect(p.getByRole('region', { name: 'Silent brainstorm' })).toHaveCount(0);
    const kept = p
      .getByRole('group', { name: 'Pain points in Problem occurs' })
      .getByTestId('card')
      .and(p.getByLabel('Nobody calls back', { exact: true }));
    await expect(kept).toBeVisible();
    await expect(kept).toHaveCount(1);
    // Signed as the reveal signed everyone's (it came without the name).
    await expect(kept).toContainText('by Gabi from Support');
  }
  await expect(guestPage.getByRole('alert')).toHaveCount(0);
});

test('a follower looks at the same cell as the facilitator even where their board is laid out differently', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const { guestPage } = await workshopWithGuest(page, mapList, openSecondBrowser, SMALL_WINDOW);
  await openWorkshopTools(page);

  // The participant's own private cards make their first row taller than anyone else's.
  await page.getByRole('button', { name: 'Start a silent brainstorm' }).click();
  const ideas = ['First idea', 'Second idea', 'Third idea', 'Fourth idea'];
  for (const [index, idea] of ideas.entries()) {
    await guestPage
      .getByRole('button', { name: 'Add private card to Touchpoints in Seeks help' })
      .click();
    await guestPage.getByLabel('Private card text').fill(idea);
    await guestPage.getByLabel('Private card text').press('Control+Enter');
    // Each card is in before the next click: arriving, it pushes "Add private card" down,
    // and a click aimed just before that lands beside it.
    await expect(guestPage.getByTestId('private-card')).toHaveCount(index + 1);
  }
  // The facilitator sees how far the room has got, not what anyone wrote.
  await expect(
    page.getByRole('region', { name: 'Silent brainstorm' }).getByRole('status'),
  ).toHaveText('4 cards from 1 person so far.');

  await scroller(page).evaluate((element) => {
    (element as unknown as { scrollTop: number }).scrollTop = 420;
  });
  const looking = await cellAtCentre(page);
  expect(looking).not.toBeNull();
  await page.getByRole('button', { name: 'Bring everyone to me' }).click();
  await expect(
    guestPage.getByRole('status').filter({ hasText: 'Following Fiona Facilitator’s view' }),
  ).toBeVisible();
  await expect.poll(() => cellAtCentre(guestPage)).toBe(looking);
});

test('a summon lasts while the facilitator’s page renews it, and the room stops following once that page is gone', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  // Both clocks run on their own until fast-forwarded (the server's is real).
  await page.clock.install();
  await mapList.goto();
  await mapList.createMap('Summon lease');
  const editorPage = await openSecondBrowser({ name: 'Ed Editor' });
  await editorPage.clock.install();
  await new BoardPage(editorPage).open(page.url());
  await openWorkshopTools(page);
  await page.getByRole('button', { name: 'Bring everyone to me' }).click();
  const banner = editorPage
    .getByRole('status')
    .filter({ hasText: 'Following Fiona Facilitator’s view' });
  await expect(banner).toBeVisible();

  // Longer than the lease, in steps: each of the facilitator's renewals gives it a fresh one.
  for (let step = 0; step < 5; step += 1) {
    const renewal = page.waitForResponse(
      (response) =>
        response.url().endsWith('/facilitation/summon') && response.request().method() === 'POST',
    );
    await page.clock.fastForward(SUMMON_RENEW_MS);
    expect((await renewal).status()).toBe(200);
    await editorPage.clock.fastForward(SUMMON_RENEW_MS);
  }
  expect(5 * SUMMON_RENEW_MS).toBeGreaterThan(SUMMON_LEASE_MS);
  await expect(banner).toBeVisible();

  // The facilitator closes the map (or the laptop): nobody renews it any more.
  await mapList.goto();
  await editorPage.clock.fastForward(SUMMON_LEASE_MS);
  await expect(banner).toHaveCount(0);
});
