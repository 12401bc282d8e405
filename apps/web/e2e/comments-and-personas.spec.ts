import { axeAudit } from './fixtures/axe.ts';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { CommentsPanel } from './pages/comments-panel.ts';

test.use({ accountName: 'Alice Owner' });

test('one person comments on a card; the other sees the badge and thread live, replies (a reply left unsent waits for him) and resolves it (the thread stays, marked, for her until she moves on); a comment being written on a card someone deletes goes on the whole map, with what was typed', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const alice = await mapList.createMap('Comment review');
  await alice.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees an ad');

  const bobPage = await openSecondBrowser({ name: 'Bob Editor' });
  const bob = new BoardPage(bobPage);
  await bob.open(page.url());
  const bobCard = bob.card('Sees an ad');
  await expect(bobCard).toBeVisible();

  const aliceComments = new CommentsPanel(page);
  await aliceComments.commentOnCard(
    alice.card('Sees an ad'),
    'Which channel?\nDetails: https://example.com/brief',
  );
  // The link is a real link, opened safely; the line break is kept as text.
  const link = aliceComments.thread('Which channel?').getByRole('link', {
    name: 'https://example.com/brief',
  });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  // Bob: the badge appears on the card without a reload.
  const bobComments = new CommentsPanel(bobPage);
  const badge = bobComments.badgeOn(bobCard);
  await expect(badge).toHaveAttribute('data-count', '1');
  // A small mark under the text, not a bar across the card.
  const [badgeBox, cardBox] = await Promise.all([badge.boundingBox(), bobCard.boundingBox()]);
  expect(badgeBox!.width).toBeLessThan(cardBox!.width / 3);
  await badge.click();
  const bobThread = bobComments.thread('Which channel?');
  await expect(bobThread).toBeVisible();
  await bobComments.reply(bobThread, 'Paid social, mostly.');
  // A second reply he starts and leaves (the panel closed) is there, with its text, when he
  // comes back; cancelled, it goes.
  await bobThread.getByRole('button', { name: 'Reply' }).click();
  await bobThread.getByLabel('Reply').fill('Also search ads?');
  await bobPage.getByRole('button', { name: 'Close comments' }).click();
  await bobComments.badgeOn(bobCard).click();
  await expect(bobThread.getByLabel('Reply')).toHaveValue('Also search ads?');
  await bobThread.getByRole('button', { name: 'Cancel' }).click();
  await expect(bobThread.getByLabel('Reply')).toHaveCount(0);

  // Alice sees the reply live, then Bob resolves it.
  await expect(aliceComments.thread('Which channel?')).toContainText('Paid social, mostly.');
  await bobThread.getByRole('button', { name: 'Resolve' }).click();
  await expect(bobThread).toHaveCount(0); // his own resolve takes it out of his open list
  // Alice was reading it: it stays where it was, saying who resolved it, until she moves on.
  await expect(aliceComments.thread('Which channel?')).toContainText('Resolved by Bob Editor');
  await aliceComments.setFilter('Resolved');
  await expect(aliceComments.thread('Which channel?')).toContainText('Resolved by Bob Editor');
  await aliceComments.setFilter('Open');
  await expect(aliceComments.thread('Which channel?')).toHaveCount(0);
  await expect(bobComments.badgeOn(bobCard)).toHaveCount(0);
  // A reply to it reopens it, and says so: kept resolved, nobody would have seen it.
  await aliceComments.setFilter('Resolved');
  const resolvedThread = aliceComments.thread('Which channel?');
  await resolvedThread.getByRole('button', { name: 'Reply' }).click();
  await resolvedThread.getByLabel('Reply').fill('And search ads, since March.');
  await resolvedThread.getByRole('button', { name: 'Reply and reopen' }).click();
  await expect(bobComments.badgeOn(bobCard)).toHaveAttribute('data-count', '1');
  await aliceComments.setFilter('Open');
  await expect(aliceComments.thread('Which channel?')).toContainText('And search ads');
  await aliceComments.thread('Which channel?').getByRole('button', { name: 'Resolve' }).click();
  await expect(bobComments.badgeOn(bobCard)).toHaveCount(0);

  // Bob @mentions Alice in a new thread on the map; it lands in her inbox.
  await bobComments.setFilter('Open');
  await bobComments.panel().getByRole('button', { name: 'Show all threads' }).click();
  await bobComments.panel().getByLabel('New comment on the map').fill('Can you check the brief?');
  await bobComments.panel().getByRole('button', { name: 'Mention someone' }).click();
  await bobComments
    .mentionSuggestions()
    .getByRole('option', { name: /Alice Owner/ })
    .click();
  await bobComments.panel().getByRole('button', { name: 'Comment', exact: true }).click();
  await aliceComments.setFilter('Open');
  await aliceComments.panel().getByRole('button', { name: 'Show all threads' }).click();
  await expect(aliceComments.thread('@Alice Owner')).toBeVisible();

  // Alice starts a comment on a card Bob deletes meanwhile: it goes on the whole map, text kept.
  await alice.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Reads a review');
  await alice.card('Reads a review').hover();
  await alice.card('Reads a review').getByRole('button', { name: 'Comment on card' }).click();
  await page.keyboard.type('Which campaign was this?');
  await bob.card('Reads a review').hover();
  await bob.card('Reads a review').getByRole('button', { name: 'Card actions' }).click();
  await bobPage.getByRole('menuitem', { name: 'Delete card' }).click();
  await expect(aliceComments.panel().getByRole('status')).toHaveText(
    'This card was deleted while you were writing: a new comment goes on the whole map.',
  );
  // What the panel is on says it too: not a bare "This card" over a card that is gone.
  await expect(
    aliceComments.panel().getByText(/^This card \(deleted\) · Show all threads$/),
  ).toBeVisible();
  await expect(aliceComments.panel().getByLabel('New comment on the map')).toHaveValue(
    'Which campaign was this?',
  );
  await aliceComments.panel().getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(aliceComments.thread('Which campaign was this?')).toContainText('On the whole map');

  await page.goto('/mentions');
  await expect(page.getByRole('heading', { name: 'Mentions (1 new)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bob Editor in Comment review' })).toBeVisible();
});

test('a typed "@Full Name" offers the people to mention and notifies them; the mention opens the board at the card, in its thread', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  const franPage = await openSecondBrowser({ name: 'Fran Facilitator' });
  await mapList.goto();
  const alice = await mapList.createMap('Mention review');
  await alice.addCard({ stage: 'Awareness', lane: 'Touchpoints' }, 'Sees an ad');
  const comments = new CommentsPanel(page);
  await alice.card('Sees an ad').hover();
  await alice.card('Sees an ad').getByRole('button', { name: 'Comment on card' }).click();
  const box = comments.panel().getByLabel('New comment on this card');
  await expect(box).toBeFocused();

  // "@" offers the members; Escape closes only the suggestions.
  await page.keyboard.type('Hi @fra');
  const fran = comments.mentionSuggestions().getByRole('option', { name: /Fran Facilitator/ });
  await expect(fran).toHaveAttribute('aria-selected', 'true');
  const { violations } = await axeAudit(page)
    .include('.comment-composer')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(comments.mentionSuggestions()).toBeHidden();
  await expect(box).toBeFocused();
  // Typed in full, never picked: still a mention (the server resolves it).
  await page.keyboard.type('n Facilitator can you check?');
  await expect(comments.panel().getByText('Notifies Fran Facilitator')).toBeVisible();
  await comments.panel().getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = comments.thread('can you check?');
  await expect(thread).toBeVisible();

  // In a reply: arrows and Tab pick from the suggestions.
  await thread.getByRole('button', { name: 'Reply' }).click();
  await page.keyboard.type('And @F');
  await expect(thread.getByRole('option', { name: /Fran Facilitator/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect(thread.getByRole('listbox', { name: 'People to mention' })).toBeHidden();
  await page.keyboard.type('the brief too');
  await expect(thread.getByLabel('Reply')).toHaveValue('And @Fran Facilitator the brief too');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(thread).toContainText('the brief too');

  // Fran's inbox has both; the first opens the board at the card, with the comment in view.
  await franPage.goto('/mentions');
  await expect(franPage.getByRole('heading', { name: 'Mentions (2 new)' })).toBeVisible();
  await franPage
    .getByRole('listitem')
    .filter({ hasText: 'can you check?' })
    .getByRole('link', { name: 'Alice Owner in Mention review' })
    .click();
  const fransBoard = new BoardPage(franPage);
  await expect(fransBoard.card('Sees an ad')).toBeInViewport();
  await expect(fransBoard.card('Sees an ad')).toHaveAttribute('data-selected', 'true');
  const franComments = new CommentsPanel(franPage);
  await expect(franComments.panel().getByLabel('New comment on this card')).toBeVisible();
  const linked = franComments.panel().getByRole('listitem').filter({ hasText: 'can you check?' });
  await expect(linked).toBeInViewport();
  await expect(linked).toBeFocused();
});

test('a persona is created, linked to a map and shown in the board panel, to a share-link leader too', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  await page.getByRole('link', { name: 'Personas' }).click();
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByLabel('Name').fill('Maya Moreno');
  await page.getByLabel('Role or title').fill('Operations lead');
  await page.getByLabel('Goals (one per line)').fill('Close the month fast\nFewer spreadsheets');
  await page.getByLabel('Quote').fill('Just make it add up.');
  await page.getByRole('button', { name: 'Create persona' }).click();
  await expect(page.getByRole('article', { name: 'Persona Maya Moreno' })).toBeVisible();
  await expect(page.getByText('Linked to 0 maps')).toBeVisible();

  await mapList.goto();
  await mapList.createMap('Month-end close');
  await page.getByRole('button', { name: /^Personas/ }).click();
  const panel = page.getByRole('complementary', { name: 'Personas' });
  await panel.getByRole('button', { name: 'Link personas' }).click();
  await panel.getByRole('checkbox', { name: 'Maya Moreno' }).check();
  await panel.getByRole('button', { name: 'Save personas' }).click();
  const card = panel.getByRole('article', { name: 'Persona Maya Moreno' });
  await expect(card).toContainText('Primary');
  await expect(card).toContainText('Operations lead');
  await expect(card).toContainText('Fewer spreadsheets');
  await expect(card).toContainText('Just make it add up.');

  // A leader on a read-only link sees whose journey it is too, and can't change it.
  const shareUrl = await new BoardPage(page).createShareLink();
  const leader = await openSecondBrowser({ signedIn: false });
  await leader.goto(shareUrl);
  await leader.getByRole('button', { name: /^Personas/ }).click();
  const leaderPanel = leader.getByRole('complementary', { name: 'Personas' });
  await expect(leaderPanel.getByRole('article', { name: 'Persona Maya Moreno' })).toContainText(
    'Operations lead',
  );
  await expect(leaderPanel.getByRole('button', { name: 'Link personas' })).toHaveCount(0);

  // The map list filters by persona.
  await mapList.goto();
  await page.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Maya Moreno' });
  await expect(page.getByRole('link', { name: 'Month-end close', exact: true })).toBeVisible();
});

test('personas linked by one teammate show at once for another and for a leader; a teammate whose picker was open keeps them when saving theirs', async ({
  page,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  await page.getByRole('link', { name: 'Personas' }).click();
  for (const name of ['Maya Moreno', 'Tom Tran']) {
    await page.getByRole('button', { name: 'New persona' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create persona' }).click();
    await expect(page.getByRole('article', { name: `Persona ${name}` })).toBeVisible();
  }
  await mapList.goto();
  const owner = await mapList.createMap('Checkout journey');
  const shareUrl = await owner.createShareLink();
  await page.getByRole('button', { name: 'Done' }).click();

  const bobPage = await openSecondBrowser({ name: 'Bob Editor' });
  await bobPage.goto(page.url());
  await new BoardPage(bobPage).expectLive();
  const leader = await openSecondBrowser({ signedIn: false });
  await leader.goto(shareUrl);
  await leader.getByRole('button', { name: /^Personas/ }).click();
  const leaderPanel = leader.getByRole('complementary', { name: 'Personas' });
  await expect(leaderPanel).toContainText('No personas linked to this map yet.');
  // Bob opens the picker before the owner links anyone.
  await bobPage.getByRole('button', { name: /^Personas/ }).click();
  const bobPanel = bobPage.getByRole('complementary', { name: 'Personas' });
  await bobPanel.getByRole('button', { name: 'Link personas' }).click();
  await expect(bobPanel.getByRole('checkbox', { name: 'Maya Moreno' })).not.toBeChecked();

  await page.getByRole('button', { name: /^Personas/ }).click();
  const ownerPanel = page.getByRole('complementary', { name: 'Personas' });
  await ownerPanel.getByRole('button', { name: 'Link personas' }).click();
  await ownerPanel.getByRole('checkbox', { name: 'Maya Moreno' }).check();
  await ownerPanel.getByRole('button', { name: 'Save personas' }).click();
  await expect(ownerPanel.getByRole('article', { name: 'Persona Maya Moreno' })).toBeVisible();

  // Without a reload: the leader's panel, and Bob's open picker, show Maya linked.
  await expect(leaderPanel.getByRole('article', { name: 'Persona Maya Moreno' })).toBeVisible();
  await expect(bobPanel.getByRole('checkbox', { name: 'Maya Moreno' })).toBeChecked();
  // Bob adds Tom: Maya stays linked (his save used to unlink her).
  await bobPanel.getByRole('checkbox', { name: 'Tom Tran' }).check();
  await bobPanel.getByRole('button', { name: 'Save personas' }).click();
  for (const panel of [ownerPanel, bobPanel, leaderPanel]) {
    await expect(panel.getByRole('article', { name: 'Persona Maya Moreno' })).toContainText(
      'Primary',
    );
    await expect(panel.getByRole('article', { name: 'Persona Tom Tran' })).toBeVisible();
  }
});
