import { routePath, routes } from '@journeyboard/shared';
import { changeRoleOf } from './fixtures/accounts.ts';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { CommentsPanel } from './pages/comments-panel.ts';

// What a member is offered follows the capability table
// (packages/shared/src/capabilities/table.ts): nothing the server would refuse,
// and a role change shows on an open board without a reload.
test('a viewer gets no editing tools; made a commenter, they comment without a reload but still cannot edit', async ({
  page,
  mapList,
  teamWorkspaceId,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const owner = await mapList.createMap('Who may do what');
  await owner.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees an ad');

  const memberPage = await openSecondBrowser({ name: 'Vera Viewer', role: 'viewer' });
  const member = new BoardPage(memberPage);
  await memberPage.goto(page.url());
  await expect(member.card('Sees an ad')).toBeVisible();
  await expect(memberPage.getByRole('button', { name: /^Add card/ })).toHaveCount(0);
  await expect(memberPage.getByTestId('palette-item')).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  // She reads the comments, and is told why she can't write one and whom to ask.
  const readOnlyNote = 'To write one, ask a workspace owner to make you a commenter.';
  await memberPage.getByRole('button', { name: /^Comments/ }).click();
  await expect(new CommentsPanel(memberPage).panel()).toContainText(readOnlyNote);

  // The owner makes Vera a commenter; her open board follows (the socket reconnects).
  await changeRoleOf(page.request, teamWorkspaceId, 'Vera Viewer', 'commenter');
  await new CommentsPanel(memberPage).commentOnCard(member.card('Sees an ad'), 'Which campaign?');
  await expect(memberPage.getByText(readOnlyNote)).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: /^Add card/ })).toHaveCount(0);
  await expect(new CommentsPanel(page).badgeOn(owner.card('Sees an ad'))).toHaveAttribute(
    'data-count',
    '1',
  );

  // Added without an email, Vera learns of it on her map list: who, where, as what — until she dismisses it.
  await memberPage.goto('/');
  const added = memberPage.getByRole('status').filter({ hasText: 'added you to' });
  await expect(added).toHaveText(/^Person \w+ added you to E2E team \(Commenter\)\.$/);
  await added.getByRole('button', { name: /^Dismiss: added to / }).click();
  await expect(added).toHaveCount(0);
  await memberPage.reload();
  await expect(memberPage.getByRole('heading', { name: 'Journey maps' })).toBeVisible();
  await expect(memberPage.getByText('added you to')).toHaveCount(0);
});

test('signed out elsewhere, an editor’s open board says so and takes no more edits', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const owner = await mapList.createMap('Signed out elsewhere');
  await owner.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees an ad');

  const editorPage = await openSecondBrowser({ name: 'Eddie Editor', role: 'editor' });
  const editor = new BoardPage(editorPage);
  await editorPage.goto(page.url());
  await expect(editor.connectionStatus()).toHaveAttribute('data-status', 'live');
  await expect(editorPage.getByRole('button', { name: /^Add card/ }).first()).toBeVisible();

  // The session ends elsewhere (another tab signed out): the server closes this socket for good.
  const signedOut = await editorPage.request.post(routePath(routes.auth.logOut, {}));
  expect(signedOut.status()).toBe(204);
  // Nothing more can be saved, so nothing more is offered: the board is view-only, and says why.
  await expect(editorPage.getByTestId('view-only-badge')).toContainText('You were signed out');
  await expect(editorPage.getByRole('button', { name: /^Add card/ })).toHaveCount(0);
  await expect(editor.card('Sees an ad')).toBeVisible();
  const signInAgain = editorPage.getByTestId('view-only-badge').getByRole('button', {
    name: 'Sign in',
  });
  await expect(signInAgain).toBeVisible();
  // Leaving the board, the app knows the session is over: sign in, not a list under their name.
  await editorPage.getByRole('link', { name: 'All maps' }).click();
  await expect(editorPage).toHaveURL(/\/signin/);
  await expect(editorPage.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('an editor made a viewer while rewriting a card: their board stops taking edits, and nobody still sees them write or point; made an editor again, they still see the owner where she points', async ({
  page,
  account,
  mapList,
  teamWorkspaceId,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const owner = await mapList.createMap('Made a viewer mid-edit');
  await owner.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees an ad');

  const editorPage = await openSecondBrowser({ name: 'Eddie Editor', role: 'editor' });
  const editor = new BoardPage(editorPage);
  await editor.open(page.url());
  // Eddie points at the board and starts rewording the card: the owner sees both.
  await editor.pointAtBoard();
  await editor.card('Sees an ad').getByRole('button', { name: 'Sees an ad', exact: true }).click();
  await editor.cardEditor().press('End');
  await editor.cardEditor().pressSequentially(' on TV');
  const eddiesCursor = owner.cursorOf('Eddie Editor');
  await expect(eddiesCursor).toBeVisible();
  await expect(owner.card('Sees an ad')).toHaveCSS('outline-style', 'solid');

  await changeRoleOf(page.request, teamWorkspaceId, 'Eddie Editor', 'viewer');

  // His board is view-only now, and says why; on the owner's, he is no longer writing that
  // card, nor pointing anywhere (a frozen "Eddie Editor is editing" would stay until he left).
  await expect(editorPage.getByTestId('view-only-badge')).toBeVisible();
  await expect(editorPage.getByRole('status').filter({ hasText: 'access' })).toHaveText(
    'Your access to this map changed: you can view it, but no longer edit it.',
  );
  await expect(editor.cardEditor()).toHaveCount(0);
  await expect(editorPage.getByRole('button', { name: /^Add card/ })).toHaveCount(0);
  await expect(owner.card('Sees an ad')).toHaveCSS('outline-style', 'none');
  await expect(eddiesCursor).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Follow Eddie Editor' })).toBeVisible();
  // What he had not saved is not on his board either: it shows what everyone else sees.
  await expect(editor.card('Sees an ad')).toBeVisible();
  await expect(owner.card('Sees an ad')).toBeVisible();

  // His read-only board still shows the owner and where she points.
  const adaOnEddies = editorPage
    .getByRole('group', { name: 'People on this map' })
    .getByRole('button', { name: `Follow ${account.name}` });
  await owner.pointAtBoard();
  await expect(adaOnEddies).toBeVisible();
  await expect(editor.cursorOf(account.name)).toBeVisible();

  // Made an editor again (the owner keeps still), he hears that too: his socket reconnects
  // with the new role, and the owner is still on his board, pointing where she was.
  await changeRoleOf(page.request, teamWorkspaceId, 'Eddie Editor', 'editor');
  await expect(editorPage.getByRole('status').filter({ hasText: 'access' })).toHaveText(
    'Your access to this map changed: you can edit it now.',
  );
  await expect(editorPage.getByRole('button', { name: /^Add card/ }).first()).toBeVisible();
  await editor.expectLive();
  await expect(adaOnEddies).toBeVisible();
  await expect(editor.cursorOf(account.name)).toBeVisible();
});

test('an editor made a viewer while offline is told on reconnecting which changes were not saved, and sees the map as saved, after a reload too', async ({
  page,
  mapList,
  teamWorkspaceId,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const owner = await mapList.createMap('Made a viewer while offline');
  await owner.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees an ad');
  await owner.addCard({ stage: 'Consideration', lane: 'Pain points' }, 'Price hidden');
  await owner.addCard({ stage: 'Awareness', lane: 'Pain points' }, 'Ad is vague');

  const benPage = await openSecondBrowser({ name: 'Ben Editor', role: 'editor' });
  const ben = new BoardPage(benPage);
  await ben.open(page.url());
  await expect(ben.card('Price hidden')).toBeVisible();

  // Offline, Ben adds a card, rewrites one and deletes another: kept on his device.
  await benPage.context().setOffline(true);
  await expect(ben.connectionStatus()).toHaveText('Offline — changes saved on this device');
  await ben.addCard({ stage: 'Purchase', lane: 'Pain points' }, 'Checkout asks twice');
  await ben.card('Sees an ad').getByRole('button', { name: 'Sees an ad' }).click();
  await ben.cardEditor().fill('Sees an ad on TV');
  await ben.cardEditor().press('Control+Enter');
  await ben.card('Price hidden').hover();
  await ben.card('Price hidden').getByRole('button', { name: 'Card actions' }).click();
  await benPage.getByRole('menuitem', { name: 'Delete card' }).click();
  await expect(ben.card('Price hidden')).toHaveCount(0);
  // …and rewrites a card the owner deletes meanwhile.
  await ben.card('Ad is vague').getByRole('button', { name: 'Ad is vague' }).click();
  await ben.cardEditor().fill('Ad is vague about the price');
  await ben.cardEditor().press('Control+Enter');
  await owner.card('Ad is vague').hover();
  await owner.card('Ad is vague').getByRole('button', { name: 'Card actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete card' }).click();
  await expect(owner.card('Ad is vague')).toHaveCount(0);

  // Meanwhile the owner makes him a viewer.
  await changeRoleOf(page.request, teamWorkspaceId, 'Ben Editor', 'viewer');

  // Back online: the server took none of it, and his board says so — and what it was.
  await benPage.context().setOffline(false);
  const notSaved = benPage.getByRole('status').filter({ hasText: 'were not saved' });
  await expect(notSaved).toContainText(
    'Your changes made offline were not saved: you can only view this map now.',
  );
  await expect(notSaved.getByRole('listitem')).toHaveText([
    'Edited “Sees an ad” to “Sees an ad on TV”',
    'Added “Checkout asks twice” to Purchase · Pain points',
    'Removed “Price hidden” from Consideration',
    // In neither board (the deletion won the merge), yet his too.
    'Changed “Ad is vague about the price”, a card someone else deleted meanwhile',
  ]);
  await expect(notSaved.getByRole('button', { name: 'Copy as text' })).toBeVisible();
  // Said once: no second notice beside it that his access changed.
  await expect(benPage.getByText('Your access to this map changed')).toHaveCount(0);
  // His board is the map as it is saved, as everyone else sees it.
  await expect(benPage.getByTestId('view-only-badge')).toContainText('Live');
  await expect(
    ben.cardIn('Price hidden', { stage: 'Consideration', lane: 'Pain points' }),
  ).toBeVisible();
  await expect(ben.card('Sees an ad')).toBeVisible();
  await expect(ben.card('Sees an ad on TV')).toHaveCount(0);
  await expect(ben.card('Checkout asks twice')).toHaveCount(0);
  await expect(owner.card('Checkout asks twice')).toHaveCount(0);

  // Nor does his device keep them: a reload shows the saved map.
  await benPage.reload();
  await expect(benPage.getByTestId('view-only-badge')).toContainText('Live');
  await expect(ben.card('Price hidden')).toBeVisible();
  await expect(ben.card('Sees an ad')).toBeVisible();
  await expect(ben.card('Checkout asks twice')).toHaveCount(0);
  await expect(ben.card('Sees an ad on TV')).toHaveCount(0);

  // Made an editor again, he sends nothing stale: only what he does from now on.
  await changeRoleOf(page.request, teamWorkspaceId, 'Ben Editor', 'editor');
  await ben.addCard({ stage: 'Retention', lane: 'Touchpoints' }, 'Renewal reminder');
  await expect(owner.card('Renewal reminder')).toBeVisible();
  await expect(owner.card('Checkout asks twice')).toHaveCount(0);
  await expect(owner.card('Sees an ad on TV')).toHaveCount(0);
  await expect(owner.card('Price hidden')).toBeVisible();
});
