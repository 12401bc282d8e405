import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';

test.use({ accountName: 'Hana Historian' });

const touchpoints = { stage: 'Awareness', lane: 'Touchpoints' };
const painPoints = { stage: 'Purchase', lane: 'Pain points' };
const considered = { stage: 'Consideration', lane: 'Touchpoints' };

test('name a version, edit, see what changed marked on the board, restore it — a second browser gets the restore live', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Onboarding, remembered');
  const theirs = new BoardPage(await openSecondBrowser({ name: 'Omar Other' }));
  await theirs.open(page.url());

  await mine.addCard(touchpoints, 'Welcome email');
  await mine.addCard(considered, 'Printed leaflet');

  // Name the board as it is now.
  await page.getByRole('button', { name: 'Versions' }).click();
  const panel = page.getByTestId('versions-panel');
  await panel.getByLabel('Version name').fill('Before the workshop');
  await panel.getByRole('button', { name: 'Name this version' }).click();
  const named = panel.getByRole('listitem', { name: 'Before the workshop' });
  await expect(named).toContainText('Hana Historian');
  // The map's first version says what it holds (it listed every stage and lane as "added").
  await expect(named).toContainText('The map’s first version: 6 stages, 5 lanes, 2 cards');
  // The other browser's list has it too, live.
  await theirs.page.getByRole('button', { name: 'Versions' }).click();
  await expect(
    theirs.page
      .getByTestId('versions-panel')
      .getByRole('listitem', { name: 'Before the workshop' }),
  ).toBeVisible();
  await theirs.page.getByRole('button', { name: 'Close versions' }).click();

  // Opening a card says who created it: the server's record, not the browser's claim.
  await theirs
    .card('Welcome email')
    .getByRole('button', { name: 'Welcome email', exact: true })
    .click();
  await expect(theirs.page.getByTestId('card-byline')).toContainText('Created by Hana Historian');
  await theirs.page.keyboard.press('Escape');

  // Edit: a new card, one card gone, one text changed.
  await page.getByRole('button', { name: 'Close versions' }).click();
  await mine.addCard(painPoints, 'Pricing page is confusing');
  await mine
    .card('Printed leaflet')
    .getByRole('button', { name: 'Printed leaflet', exact: true })
    .focus();
  await page.keyboard.press('Delete');
  await expect(mine.card('Printed leaflet')).toHaveCount(0);
  await expect(theirs.card('Pricing page is confusing')).toBeVisible();

  // The activity feed says who did what, and filters by stage.
  await page.getByRole('button', { name: 'Versions' }).click();
  await panel.getByRole('button', { name: 'Activity' }).click();
  const activity = panel.getByRole('list', { name: 'Activity' });
  await expect(activity).toContainText('Hana Historian added “Pricing page is confusing”');
  await expect(activity).toContainText('Hana Historian removed “Printed leaflet”');
  await panel.getByLabel('Stage').selectOption({ label: 'Purchase' });
  await expect(activity).not.toContainText('Printed leaflet');
  await expect(activity).toContainText('Pricing page is confusing');
  await panel.getByRole('button', { name: 'Versions', exact: true }).click();

  // What changed since the named version: listed by stage, marked on the board.
  await named.getByRole('button', { name: 'What changed since' }).click();
  const changes = page.getByTestId('changes-panel');
  await expect(changes.getByRole('heading', { name: 'Purchase' })).toBeVisible();
  await expect(changes.getByRole('heading', { name: 'Consideration' })).toBeVisible();
  await expect(changes).toContainText('added “Pricing page is confusing”');
  await expect(changes).toContainText('removed “Printed leaflet”');
  await expect(changes).toContainText('Hana Historian');
  await expect(page.getByTestId('read-only-board')).toBeVisible();
  await expect(mine.card('Pricing page is confusing')).toHaveAttribute('data-change', 'added');
  // The removed card is a ghost where it was.
  await expect(mine.cardIn('Printed leaflet', considered)).toHaveAttribute(
    'data-change',
    'removed',
  );
  await expect(mine.card('Welcome email')).not.toHaveAttribute('data-change');
  // Step through the changes.
  const bar = page.getByRole('region', { name: 'What changed' });
  await expect(bar).toContainText('1 of 2');
  await bar.getByRole('button', { name: 'Next change' }).click();
  await expect(bar).toContainText('2 of 2');
  await expect(page.locator('.card--change-current')).toHaveCount(1);
  await bar.getByRole('button', { name: 'Back to the live board' }).click();

  // Open the version read-only exactly as it was, then restore it.
  await named.getByRole('button', { name: 'Open' }).click();
  const version = page.getByRole('region', { name: 'Version' });
  await expect(version).toContainText('Before the workshop');
  await expect(mine.cardIn('Printed leaflet', considered)).toBeVisible();
  await expect(mine.card('Pricing page is confusing')).toHaveCount(0);
  await version.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('button', { name: 'Restore this version' }).click();

  // Back on the live board, for both browsers, without a reload.
  await expect(page.getByTestId('read-only-board')).toHaveCount(0);
  for (const board of [mine, theirs]) {
    await expect(board.cardIn('Printed leaflet', considered)).toBeVisible();
    await expect(board.card('Pricing page is confusing')).toHaveCount(0);
    await expect(board.card('Welcome email')).toBeVisible();
    await expect(board.connectionStatus()).toHaveText('Live');
  }
  await expect(
    theirs.page.getByRole('status').filter({ hasText: 'restored “Before the workshop”' }),
  ).toContainText('Hana Historian restored');
  // The one who restored is told it in their own words.
  await expect(
    page.getByRole('status').filter({ hasText: 'restored “Before the workshop”' }),
  ).toContainText('You restored');

  // Leadership on a read-only link sees what changed, and can change nothing.
  const shareUrl = await mine.createShareLink();
  const leader = new BoardPage(await openSecondBrowser({ signedIn: false }));
  await leader.page.goto(shareUrl);
  await expect(leader.connectionStatus()).toHaveAttribute('data-status', 'live');
  await leader.page.getByRole('button', { name: 'Versions' }).click();
  const leaderPanel = leader.page.getByTestId('versions-panel');
  const before = leaderPanel.getByRole('listitem', { name: 'Before a restore' });
  await expect(before).toBeVisible();
  await expect(leaderPanel.getByRole('button', { name: 'Restore' })).toHaveCount(0);
  await expect(leaderPanel.getByLabel('Version name')).toHaveCount(0);
  await before.getByRole('button', { name: 'What changed since' }).click();
  await expect(leader.page.getByTestId('changes-panel')).toContainText('added “Printed leaflet”');
  await expect(leader.card('Printed leaflet')).toHaveAttribute('data-change', 'added');

  // The other editor undoes the restore from its notice: the board comes back for everyone.
  await theirs.page.getByRole('button', { name: 'Undo restore' }).click();
  for (const board of [mine, theirs]) {
    await expect(board.card('Pricing page is confusing')).toBeVisible();
  }
  // Both are told it was an undo, not a restore of something called "Before a restore".
  await expect(
    theirs.page.getByRole('status').filter({ hasText: 'undid a restore' }),
  ).toContainText('You undid a restore: the board is as it was before it.');
  await expect(page.getByRole('status').filter({ hasText: 'undid a restore' })).toBeVisible();
  // Redone, it says so — not another "undid" — and offers the undo again.
  await theirs.page.getByRole('button', { name: 'Redo restore' }).click();
  for (const board of [mine, theirs]) {
    await expect(board.card('Pricing page is confusing')).toHaveCount(0);
  }
  await expect(
    theirs.page.getByRole('status').filter({ hasText: 'redid a restore' }),
  ).toContainText('You redid a restore: the board is as it was before the undo.');
  await expect(theirs.page.getByRole('button', { name: 'Undo restore' })).toBeVisible();

  // The activity feed names the restore and its undoing, and a rename of the map, each with
  // who: before, a restore was a string of card edits, and undone it read "made a change and
  // undid it"; a rename was not there at all.
  await page
    .getByRole('dialog', { name: 'Share this map' })
    .getByRole('button', { name: 'Done' })
    .click();
  await page.getByRole('button', { name: 'Rename map Onboarding, remembered' }).click();
  await page.getByRole('textbox', { name: 'Map title' }).fill('Onboarding, revisited');
  await page.keyboard.press('Enter');
  await panel.getByRole('button', { name: 'Activity' }).click();
  await expect(activity.getByRole('listitem').first()).toContainText(
    'Hana Historian renamed the map from “Onboarding, remembered” to “Onboarding, revisited”',
  );
  await expect(activity).toContainText('Hana Historian restored the version “Before the workshop”');
  await expect(activity).toContainText('Omar Other undid a restore');
  await expect(activity).toContainText('Omar Other redid a restore');
  await expect(activity).not.toContainText('undid it');
});

test('compare two versions: what changed between them, not since — named in the bar, marked on the board', async ({
  page,
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Revisited weeks later');
  const panel = page.getByTestId('versions-panel');
  const name = async (version: string) => {
    await page.getByRole('button', { name: 'Versions' }).click();
    await panel.getByLabel('Version name').fill(version);
    await panel.getByRole('button', { name: 'Name this version' }).click();
    await expect(panel.getByRole('listitem', { name: version })).toBeVisible();
    await page.getByRole('button', { name: 'Close versions' }).click();
  };

  await board.addCard(touchpoints, 'Welcome email');
  await name('Workshop output');
  await board.addCard(painPoints, 'Pricing page is confusing');
  // The revisit also scores Purchase (from its slider, two steps down: −2).
  await page.getByRole('slider', { name: 'Emotion in Purchase' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await name('First revisit');
  await board.addCard(considered, 'Added after the revisit');

  await page.getByRole('button', { name: 'Versions' }).click();
  const compare = panel.getByRole('form', { name: 'Compare two versions' });
  // Picked the wrong way round, it still reads forwards.
  const pick = async (field: string, version: string) => {
    const select = compare.getByLabel(field);
    const value = await select.locator('option', { hasText: version }).getAttribute('value');
    await select.selectOption(value);
  };
  await pick('From', 'First revisit');
  await pick('To', 'Workshop output');
  // When each was comes first: a long name, cut off by the list's width, never hides it.
  await expect(compare.getByLabel('From')).toHaveAttribute(
    'title',
    /^\w{3} \d{1,2}, \d{4}, [^·]+ · First revisit · Hana Historian$/,
  );
  await compare.getByRole('button', { name: 'Compare' }).click();

  const bar = page.getByRole('region', { name: 'What changed' });
  await expect(bar).toContainText('From “Workshop output” to “First revisit”');
  const changes = page.getByTestId('changes-panel');
  await expect(changes).toContainText('added “Pricing page is confusing”');
  await expect(changes).not.toContainText('Added after the revisit');
  await expect(board.card('Pricing page is confusing')).toHaveAttribute('data-change', 'added');
  await expect(board.card('Added after the revisit')).toHaveCount(0);
  await expect(board.card('Welcome email')).not.toHaveAttribute('data-change');
  // The score is marked on the curve too; stepping to it shades its stage.
  const curve = page.getByTestId('emotion-curve');
  await expect(curve).toHaveAttribute('aria-label', /changed: Purchase$/);
  const ring = curve.locator('[data-change-cell]');
  await expect(ring).toHaveAttribute('data-change', 'added');
  await expect(ring).not.toHaveClass(/emotion-change--current/);
  await changes.getByRole('button', { name: /set Purchase’s emotion to −2/ }).click();
  await expect(ring).toHaveClass(/emotion-change--current/);
  await expect(ring).toBeInViewport();

  // "What changed since" a version names it too.
  await bar.getByRole('button', { name: 'Back to the live board' }).click();
  await panel
    .getByRole('listitem', { name: 'Workshop output' })
    .getByRole('button', { name: 'What changed since' })
    .click();
  await expect(bar).toContainText('Since “Workshop output”');
  await expect(changes).toContainText('added “Added after the revisit”');
});
