/// <reference lib="dom" />
// Functions passed to evaluate run in the browser, hence the DOM types.
import type { Locator } from '@playwright/test';
import { axeAudit } from './fixtures/axe.ts';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { MapListPage } from './pages/map-list-page.ts';

test('an owner signs up and shares a live read-only link; a workshop participant joins by name and edits', async ({
  openSecondBrowser,
}) => {
  // The owner signs up through the UI, in a browser of their own.
  const ownerPage = await openSecondBrowser({ signedIn: false });
  await ownerPage.goto('/');
  await expect(ownerPage).toHaveURL(/\/signin/);
  await ownerPage.getByRole('link', { name: 'Create an account' }).click();
  await ownerPage.getByLabel('Your name').fill('Olivia Owner');
  await ownerPage.getByLabel('Email').fill(`owner-${Date.now()}@example.test`);
  await ownerPage.getByLabel('Password').fill('a long enough password');
  await ownerPage.getByRole('button', { name: 'Create account' }).click();
  await expect(ownerPage.getByRole('button', { name: 'Sign out' })).toBeVisible();

  const owner = await new MapListPage(ownerPage).createMap('Leadership review');
  await owner.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees a billboard');

  // A read-only link from the share dialog.
  const shareUrl = await owner.createShareLink();
  expect(shareUrl).toMatch(/\/s\/jbsh_[\w-]{43}$/);
  await expect(
    ownerPage.getByRole('list', { name: 'Active read-only links' }).getByRole('listitem'),
  ).toHaveCount(1);
  // The lock offer is a line of its own: the button used to sit inline after its last words.
  const offer = await ownerPage
    .getByText(/^Participants keep the map’s name, stages and lanes/)
    .boundingBox();
  const create = ownerPage.getByRole('button', { name: 'Create workshop link' });
  expect((await create.boundingBox())!.y).toBeGreaterThanOrEqual(offer!.y + offer!.height);
  await create.click();
  const joinUrl = await ownerPage.getByLabel('New workshop link').inputValue();
  await expect(ownerPage.getByText('It is “Workshop link 1” in the list below.')).toBeVisible();
  // Both new links make the dialog taller than a 1280×720 laptop: it scrolls to the new link,
  // and its title and Done stay in view.
  await expect(ownerPage.getByLabel('New workshop link')).toBeInViewport({ ratio: 1 });
  await expect(
    ownerPage.getByRole('button', { name: 'Copy link — Workshop link 1' }),
  ).toBeInViewport({
    ratio: 1,
  });
  await expect(ownerPage.getByRole('heading', { name: 'Share this map' })).toBeInViewport({
    ratio: 1,
  });
  await expect(ownerPage.getByRole('button', { name: 'Done' })).toBeInViewport({ ratio: 1 });
  // The workshop link was not copied, and it is shown only once: closing asks first.
  await ownerPage.keyboard.press('Escape');
  const leaveUncopied = ownerPage.getByRole('alertdialog', {
    name: 'Close without copying Workshop link 1?',
  });
  await expect(leaveUncopied).toContainText('nobody can copy it again');
  // The way to share it later keeps the people already in: another link, not a revoked one.
  await expect(leaveUncopied).toContainText('To share it later, create another');
  await leaveUncopied.getByRole('button', { name: 'Cancel' }).click();
  await expect(ownerPage.getByLabel('New workshop link')).toHaveValue(joinUrl);
  await ownerPage.getByRole('button', { name: 'Copy link — Workshop link 1' }).click();
  await ownerPage.getByRole('button', { name: 'Done' }).click();
  await expect(ownerPage.getByRole('dialog', { name: 'Share this map' })).toHaveCount(0);

  // Leadership: a fresh browser without an account sees the live map, read-only.
  const viewer = await openSecondBrowser({ signedIn: false });
  await viewer.goto(shareUrl);
  await expect(viewer.getByTestId('view-only-badge')).toContainText('View only');
  await expect(viewer.getByTestId('connection-status')).toHaveAttribute('data-status', 'live');
  await expect(viewer.getByRole('listitem', { name: 'Sees a billboard' })).toBeVisible();
  await owner.addCard({ stage: 'Purchase', lane: 'Pain points' }, 'Checkout is slow');
  await expect(viewer.getByRole('listitem', { name: 'Checkout is slow' })).toBeVisible();
  // No way to edit: no editing buttons, no text fields, nothing editable.
  await expect(
    viewer.getByRole('button', { name: /add|delete|rename|move|reorder|undo|redo|share/i }),
  ).toHaveCount(0);
  await expect(viewer.getByRole('textbox')).toHaveCount(0);
  await expect(viewer.getByRole('slider')).toHaveCount(0);
  await expect(viewer.locator('[contenteditable="true"]')).toHaveCount(0);
  await viewer.getByRole('listitem', { name: 'Sees a billboard' }).dblclick();
  await expect(viewer.getByRole('textbox')).toHaveCount(0);

  // Presentation mode: stage by stage.
  await viewer.getByRole('button', { name: 'Present' }).click();
  const presentation = viewer.getByRole('dialog', { name: 'Presentation' });
  await expect(presentation).toContainText('Stage 1 of 6: Awareness');
  await expect(presentation.getByRole('listitem', { name: 'Sees a billboard' })).toBeVisible();
  await presentation.getByRole('button', { name: 'Next stage' }).click();
  await expect(presentation).toContainText('Stage 2 of 6: Consideration');
  await presentation.getByRole('button', { name: 'Exit presentation' }).click();

  // A workshop participant: just a name, then editing.
  const participantPage = await openSecondBrowser({ signedIn: false });
  await participantPage.goto(joinUrl);
  // The join page names the map before anyone joins.
  await expect(participantPage.getByText('You are joining Leadership review.')).toBeVisible();
  await participantPage.getByLabel('Your name').fill('Pat from Support');
  await participantPage.getByRole('button', { name: 'Join' }).click();
  const participant = new BoardPage(participantPage);
  await participant.expectLive();
  // Guests edit the board but manage no links: no Share (the server would refuse).
  await expect(participantPage.getByRole('button', { name: 'Present' })).toBeVisible();
  await expect(participantPage.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  // The header says they are a guest here, under the name they gave.
  await expect(participantPage.getByTestId('guest-badge')).toHaveText('Guest: Pat from Support');
  // Nor a way to "All maps": a guest has only this map (it would be the sign-in page).
  await expect(participantPage.getByRole('link', { name: 'All maps' })).toHaveCount(0);
  // The workshop link locked the stages and lanes for participants (the dialog's default): they
  // add and edit cards, and cannot delete a lane with everyone's cards in it.
  await expect(
    participantPage.getByRole('status').filter({ hasText: 'locked the board’s structure' }),
  ).toBeVisible();
  await expect(participantPage.getByRole('button', { name: /^Rename (stage|lane) / })).toHaveCount(
    0,
  );
  await participant.addCard({ stage: 'Onboarding', lane: 'Pain points' }, 'Setup wizard confuses');
  await expect(
    owner.cardIn('Setup wizard confuses', { stage: 'Onboarding', lane: 'Pain points' }),
  ).toBeVisible();
  await expect(viewer.getByRole('listitem', { name: 'Setup wizard confuses' })).toBeVisible();

  // Revoking the read-only link closes the open view.
  await ownerPage.getByRole('button', { name: 'Share', exact: true }).click();
  await ownerPage
    .getByRole('list', { name: 'Active read-only links' })
    .getByRole('button', { name: 'Revoke read-only link 1' })
    .click();
  // It asks first: revoking ends access at once and can't be undone. Cancel keeps the link.
  const confirm = ownerPage.getByRole('alertdialog', { name: 'Revoke read-only link 1?' });
  await expect(confirm).toContainText('Anyone viewing the map through it loses the view at once');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(viewer.getByRole('listitem', { name: 'Sees a billboard' })).toBeVisible();
  await ownerPage.getByRole('button', { name: 'Revoke read-only link 1' }).click();
  await confirm.getByRole('button', { name: 'Revoke link' }).click();
  await expect(viewer.getByText('This link no longer works')).toBeVisible();
  await expect(viewer.getByText('This link was revoked — ask for a new one.')).toBeVisible();

  // Revoking the workshop link: someone opening it now is told, before typing a name.
  await ownerPage
    .getByRole('list', { name: 'Active workshop links' })
    .getByRole('button', { name: 'Revoke workshop link 1' })
    .click();
  await ownerPage
    .getByRole('alertdialog', { name: 'Revoke workshop link 1?' })
    .getByRole('button', { name: 'Revoke link' })
    .click();
  // The participant on the board is told why it stopped, and what to do.
  await expect(participant.connectionStatus()).toContainText(
    'The workshop link was closed — ask the facilitator',
  );
  // Coming back later says the same, not "Sign in" to an account they never had.
  await participantPage.reload();
  await expect(
    participantPage.getByRole('heading', { name: 'Your workshop access has ended' }),
  ).toBeVisible();
  await expect(participantPage.getByText('Ask the facilitator for a new one.')).toBeVisible();
  await expect(participantPage.getByLabel('Password')).toHaveCount(0);
  const latecomer = await openSecondBrowser({ signedIn: false });
  await latecomer.goto(joinUrl);
  await expect(
    latecomer.getByRole('heading', { name: 'This workshop link does not work' }),
  ).toBeVisible();
  await expect(latecomer.getByLabel('Your name')).toHaveCount(0);
  // A link's holder may have no account: no "404", no way to "all maps".
  await expect(latecomer.getByRole('link', { name: 'Back to all maps' })).toHaveCount(0);
});

test('a share link shows the board as the team sees it, and presents it stage by stage with the curve', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Checkout review');
  await board.addCard({ stage: 'Purchase', lane: 'Pain points' }, 'Checkout is slow');
  await board.setCardFields('Checkout is slow', ['Severity high']);
  await board.setCardColour('Checkout is slow', 'Red');
  await board.card('Checkout is slow').getByRole('button', { name: 'Checkout is slow' }).click();
  await page.getByRole('combobox', { name: 'Evidence' }).selectOption('observed');
  await page.keyboard.press('Escape');
  await board.emotionSlider('Awareness').fill('1');
  await board.emotionSlider('Purchase').fill('-2');
  const shareUrl = await board.createShareLink();

  const leader = await openSecondBrowser({ signedIn: false });
  await leader.goto(shareUrl);
  const card = leader.getByRole('listitem', { name: 'Checkout is slow' });
  await expect(card).toContainText('High severity');
  await expect(card).toHaveClass(/card--color-red/);
  // Its evidence mark has a corner of its own: no text or chip runs under it (it covered the
  // end of cards' last lines on the leader's board, in print and in pictures).
  const underTheMark = await card.evaluate((item) => {
    const mark = item.querySelector('.evidence-marker')!.getBoundingClientRect();
    const ends = Array.from(item.querySelectorAll('.card__text, .card__chips'), (part) => {
      const { paddingRight } = window.getComputedStyle(part);
      return part.getBoundingClientRect().right - Number.parseFloat(paddingRight);
    });
    return Math.max(...ends) - mark.left;
  });
  expect(underTheMark).toBeLessThanOrEqual(0.5);
  const curve = { name: 'Emotion curve: Awareness +1, Purchase −2' };
  await expect(leader.getByRole('img', curve)).toBeVisible();

  await leader.getByRole('button', { name: 'Present' }).click();
  const presentation = leader.getByRole('dialog', { name: 'Presentation' });
  await expect(presentation).toContainText('Stage 1 of 6: Awareness');
  await expect(presentation.getByTestId('stage-header')).toHaveCount(1);
  await expect(presentation.getByRole('img', curve).first()).toBeVisible();
  await leader.keyboard.press('ArrowRight');
  await leader.keyboard.press('ArrowRight');
  await expect(presentation).toContainText('Stage 3 of 6: Purchase');
  await expect(presentation.getByRole('listitem', { name: 'Checkout is slow' })).toContainText(
    'High severity',
  );
  await leader.keyboard.press('Escape');
  await expect(presentation).toBeHidden();
});

test('turning a share link’s comments off and on, and giving it a password, reaches a leader who has it open; links made one after another all stay shown to copy', async ({
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Onboarding for leadership');
  const shareUrl = await board.createShareLink();
  const showComments = board.page.getByRole('checkbox', {
    name: 'Show comments to people with read-only link 1',
  });

  const leader = await openSecondBrowser({ signedIn: false });
  await leader.goto(shareUrl);
  await expect(leader.getByText('View only · Live')).toBeVisible();
  const comments = leader.getByRole('button', { name: /^Comments/ });
  await expect(comments).toHaveCount(0);

  // The box shows the link as the server holds it: checked once saved.
  await showComments.click();
  await expect(showComments).toBeChecked();
  await expect(comments).toBeVisible();
  await showComments.click();
  await expect(showComments).not.toBeChecked();
  await expect(comments).toHaveCount(0);

  // A password on the open link: the leader's view ends, saying why; the page then asks
  // for the password and shows nothing of the map until it is right.
  const passwordChanged =
    'The link’s password was changed — reload the page and enter the new one.';
  const setLinkPassword = async (password: string) => {
    await board.page
      .getByRole('button', { name: /(Set|Change) the password of read-only link 1/ })
      .click();
    await board.page.getByLabel('New password for read-only link 1').fill(password);
    await board.page.getByRole('button', { name: 'Save password' }).click();
    await expect(board.page.getByText('Read-only link 1 asks for a password.')).toBeVisible();
  };
  await setLinkPassword('river stone 42');
  await expect(leader.getByText(passwordChanged)).toBeVisible();
  await leader.reload();
  await expect(
    leader.getByRole('heading', { name: 'This map is protected by a password' }),
  ).toBeVisible();
  await expect(leader.getByText('Onboarding for leadership')).toHaveCount(0);
  const unlock = async (password: string) => {
    await leader.getByLabel('Password').fill(password);
    await leader.getByRole('button', { name: 'Open the map' }).click();
  };
  await unlock('river stone 24');
  await expect(leader.getByRole('alert')).toContainText('That password is not right.');
  await unlock('river stone 42');
  await expect(leader.getByText('View only · Live')).toBeVisible();
  await expect(leader.getByRole('heading', { name: 'Onboarding for leadership' })).toBeVisible();
  // A reload on this device opens it without the password.
  await leader.reload();
  await expect(leader.getByText('View only · Live')).toBeVisible();
  // A new password ends the open view again.
  await setLinkPassword('harbour light 7');
  await expect(leader.getByText(passwordChanged)).toBeVisible();
  await leader.reload();
  await unlock('harbour light 7');
  await expect(leader.getByText('View only · Live')).toBeVisible();

  // An expiry in the past is refused, and said under the button pressed, on screen.
  await board.page.getByLabel('Links created now expire (optional)').fill('2020-01-31T17:00');
  const createLink = board.page.getByRole('button', { name: 'Create read-only link' });
  await createLink.click();
  const problem = board.page
    .getByRole('alert')
    .filter({ hasText: 'Pick an expiry in the future.' });
  await expect(problem).toBeInViewport({ ratio: 1 });
  const [button, alert] = [await createLink.boundingBox(), await problem.boundingBox()];
  expect(alert!.y - (button!.y + button!.height)).toBeLessThan(40);
  expect(alert!.y).toBeGreaterThan(button!.y);
  await board.page.getByLabel('Links created now expire (optional)').fill('');

  // Revoked while it is still shown to copy: the dead link is offered no more, and the
  // keyboard stays in the dialog (its Revoke button, where focus was, is gone).
  await board.page.getByRole('button', { name: 'Revoke read-only link 1' }).click();
  await board.page.getByRole('button', { name: 'Revoke link' }).click();
  await expect(leader.getByText('This link no longer works')).toBeVisible();
  await expect(board.page.getByLabel('New read-only link')).toHaveCount(0);
  await expect(board.page.getByText('No active links.').first()).toBeVisible();
  await expect(board.page.getByRole('dialog', { name: 'Share this map' })).toBeFocused();
  // A link keeps its number for good: the next one is link 2, never a second "link 1".
  await board.page.getByRole('button', { name: 'Create read-only link' }).click();
  await expect(board.page.getByText('It is “Read-only link 2” in the list below.')).toBeVisible();
  // Another link before that one was copied: both stay shown to copy (the second used to
  // replace the first's only showing), and closing names both.
  await board.page.getByRole('button', { name: 'Create read-only link' }).click();
  await expect(board.page.getByLabel('New read-only link 3')).toHaveValue(/\/s\/jbsh_/);
  await expect(board.page.getByLabel('New read-only link 2')).toHaveValue(/\/s\/jbsh_/);
  await board.page.getByRole('button', { name: 'Done' }).click();
  await expect(
    board.page.getByRole('alertdialog', {
      name: 'Close without copying Read-only link 2 and Read-only link 3?',
    }),
  ).toBeVisible();
});

/** The horizontal centre and size of each element, on screen. */
const centres = (items: Locator) =>
  items.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        x: box.left + box.width / 2,
        y: box.top + box.height / 2,
        width: box.width,
        height: box.height,
      };
    }),
  );

test('a leader presents a share link: by keyboard alone (the stage scrolls, Tab stays in, Escape gives the focus back); at 1280, 1366 and 1920 px the curve’s points sit over the stage names, and the bar and journey stay in view while a readable stage scrolls', async ({
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Presented on a laptop', 'B2B SaaS onboarding');
  const shareUrl = await board.createShareLink();
  const leader = await openSecondBrowser({ signedIn: false });
  await leader.setViewportSize({ width: 1280, height: 800 });
  await leader.goto(shareUrl);
  const present = leader.getByRole('button', { name: 'Present' });
  await present.focus();
  await leader.keyboard.press('Enter');

  const presentation = leader.getByRole('dialog', { name: 'Presentation' });
  const stage = presentation.getByRole('region', { name: 'Stage Sign-up' });
  await expect(stage).toBeFocused();
  // Eight lanes are taller than the room under the curve: the arrow key reaches the last ones.
  const scrolled = () => stage.evaluate((element) => element.scrollTop);
  expect(await stage.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await leader.keyboard.press('PageDown');
  await expect.poll(scrolled).toBeGreaterThan(0);
  // Tab goes round the presentation's own controls, never to the board behind it.
  for (let step = 0; step < 6; step += 1) {
    await leader.keyboard.press('Tab');
    expect(await presentation.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(
      true,
    );
  }
  const { violations } = await axeAudit(leader).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.map((violation) => violation.id)).not.toContain('scrollable-region-focusable');
  await leader.keyboard.press('Escape');
  await expect(presentation).toBeHidden();
  await expect(present).toBeFocused();

  await present.click();
  const next = presentation.getByRole('button', { name: 'Next stage' });
  // The whole journey's curve comes first; the presented stage's emotion lane has its own.
  const journey = presentation.getByTestId('emotion-curve').first();
  const points = journey.getByTestId('emotion-point');
  const names = presentation.locator('.presentation__stages li');
  await expect(points).toHaveCount(6);
  const lane = (title: string) => presentation.getByText(title, { exact: true });
  const cardTextPx = () =>
    presentation
      .locator('.card__text')
      .first()
      .evaluate((text) => {
        const zoom = (text as HTMLElement & { currentCSSZoom: number }).currentCSSZoom;
        return Number.parseFloat(getComputedStyle(text).fontSize) * zoom;
      });

  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await leader.setViewportSize({ width, height });
    const apart = async () => {
      const [dots, labels] = [await centres(points), await centres(names)];
      return Math.max(...dots.map((dot, index) => Math.abs(dot.x - labels[index]!.x)));
    };
    await expect.poll(apart, `${width} px: points under their names`).toBeLessThanOrEqual(2);
    for (const dot of await centres(points)) {
      expect(dot.width, `${width} px: a dot at its size`).toBeCloseTo(12, 0);
      expect(dot.height, `${width} px: a round dot`).toBeCloseTo(dot.width, 1);
    }
    // The stage takes the screen's width, its cards side by side, none of it out of view.
    const header = await presentation.getByTestId('stage-header').boundingBox();
    expect(header!.x + header!.width, `${width} px: the stage fits`).toBeLessThanOrEqual(width);
    expect(header!.width, `${width} px: the stage fills the screen`).toBeGreaterThan(width * 0.6);
    const touchpoints = await centres(
      presentation.getByRole('listitem', { name: /Pricing page|Verification email/ }),
    );
    expect(touchpoints).toHaveLength(2);
    expect(touchpoints[0]!.y, `${width} px: side by side`).toBeCloseTo(touchpoints[1]!.y, 0);

    await lane('Touchpoints').scrollIntoViewIfNeeded();
    // Four lanes showed on a laptop at the projector's zoom; the stage now uses the room.
    await expect(lane('Emotions'), `${width} px: the emotions lane in view`).toBeInViewport();
    expect(
      await cardTextPx(),
      `${width} px: cards as readable as the board at 100 %`,
    ).toBeGreaterThanOrEqual(13.5);
    if (width === 1920) {
      // Room for the whole stage: it fits, nothing to scroll.
      await expect(lane('Metrics'), 'the last lane in view').toBeInViewport({ ratio: 1 });
    }
    // The last lane brought into view scrolls the stage, not the bar or the journey.
    await lane('Metrics').scrollIntoViewIfNeeded();
    await expect(lane('Metrics')).toBeInViewport({ ratio: 1 });
    await expect(next, `${width} px: the bar stays`).toBeInViewport({ ratio: 1 });
    await expect(journey, `${width} px: the journey stays`).toBeInViewport({ ratio: 1 });
  }
});
