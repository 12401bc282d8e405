import { routes } from '@journeyboard/shared';
import { expect, test } from './fixtures/index.ts';
import { BoardPage } from './pages/board-page.ts';
import { mapsKeptOnThisDevice } from './pages/device-copies.ts';
import { waitForServiceWorkerControl } from './pages/service-worker.ts';

// These tests are about the service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const OFFLINE = 'Offline — changes saved on this device';
const BEFORE = { stage: 'Awareness', lane: 'Touchpoints' };
const IN_THE_AIR = { stage: 'Purchase', lane: 'Pain points' };
/** A stage someone deletes while a card is being added to it offline. */
const DELETED_STAGE = { stage: 'Consideration', lane: 'Pain points' };
/** Where a card whose stage went is put back: the first stage, its lane. */
const FIRST_STAGE = { stage: 'Awareness', lane: 'Pain points' };

test('in airplane mode the maps kept on this device load and open, offline edits reach the server later, and ones to a card or stage deleted meanwhile can be put back', async ({
  page,
  context,
  mapList,
  openSecondBrowser,
}) => {
  await mapList.goto();
  const mine = await mapList.createMap('Airplane map');
  await waitForServiceWorkerControl(page);
  const other = new BoardPage(await openSecondBrowser({ name: 'Cy Park' }));
  await other.open(page.url());
  await mine.addCard(BEFORE, 'Booked before takeoff');
  await mine.addCard(BEFORE, 'Needs a seat');
  await expect(other.cardIn('Booked before takeoff', BEFORE)).toBeVisible();
  await expect(other.cardIn('Needs a seat', BEFORE)).toBeVisible();

  // No network at all: not the API, not the sync socket, not the page itself. The
  // board says so at once, not after the socket's 30 s silence timeout.
  await expect(mine.connectionStatus()).toHaveText('Live');
  await context.setOffline(true);
  await expect(mine.connectionStatus()).toHaveText(OFFLINE, { timeout: 2_000 });
  // A change made offline to a card that someone else deletes meanwhile.
  await mine
    .card('Booked before takeoff')
    .getByRole('button', { name: 'Booked before takeoff' })
    .click();
  await mine.cardEditor().fill('Booked before takeoff, aisle seat');
  await mine.cardEditor().press('Control+Enter');
  await other.card('Booked before takeoff').hover();
  await other.card('Booked before takeoff').getByRole('button', { name: 'Card actions' }).click();
  await other.page.getByRole('menuitem', { name: 'Delete card' }).click();
  await expect(other.card('Booked before takeoff')).toHaveCount(0);
  // And a card both rewrite meanwhile.
  await mine.card('Needs a seat').getByRole('button', { name: 'Needs a seat' }).click();
  await mine.cardEditor().fill('Window seat, row 12');
  await mine.cardEditor().press('Control+Enter');
  await other.card('Needs a seat').getByRole('button', { name: 'Needs a seat' }).click();
  await other.cardEditor().fill('Aisle seat, any row');
  await other.cardEditor().press('Control+Enter');
  await page.reload();
  await expect(mine.connectionStatus()).toHaveText(OFFLINE);
  await expect(page.getByRole('button', { name: 'Rename map Airplane map' })).toBeVisible();
  await expect(mine.cardIn('Booked before takeoff, aisle seat', BEFORE)).toBeVisible();

  await mine.addCard(IN_THE_AIR, 'Written in the air');
  // Adding the card and typing its text: two changes, kept until the server has them.
  await expect(mine.connectionStatus()).toHaveText(`${OFFLINE} · 2 changes waiting`);
  await expect(other.card('Written in the air')).toHaveCount(0);
  // A card added offline to a stage that someone else deletes meanwhile.
  await mine.addCard(DELETED_STAGE, 'Compared prices');
  await other.page.getByTestId('stage-header').filter({ hasText: 'Consideration' }).hover();
  await other.page.getByRole('button', { name: 'Actions for stage Consideration' }).click();
  await other.page.getByRole('menuitem', { name: 'Delete stage' }).click();
  await other.page.getByRole('alertdialog').getByRole('button', { name: 'Delete stage' }).click();
  await expect(other.page.getByTestId('stage-header')).toHaveCount(5);

  // Still offline: the home page lists the maps saved on this device, and opens them.
  const boardUrl = page.url();
  await mapList.goto();
  await expect(
    page.getByText('You’re offline. These are the maps saved on this device'),
  ).toBeVisible();
  await mapList.mapLink('Airplane map').click();
  await expect(page).toHaveURL(boardUrl);
  await expect(mine.cardIn('Written in the air', IN_THE_AIR)).toBeVisible();
  await expect(mine.connectionStatus()).toHaveText(OFFLINE);

  // The board tries again as soon as the browser is back online.
  await context.setOffline(false);
  await expect(mine.connectionStatus()).toHaveText('Live');
  await expect(other.cardIn('Written in the air', IN_THE_AIR)).toBeVisible();
  // The merge kept the deletions: the card, and the stage the new card went to. The changes
  // made offline are offered back (one across the reload).
  await expect(mine.card('Booked before takeoff, aisle seat')).toHaveCount(0);
  await expect(mine.card('Compared prices')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'someone deleted' })).toHaveText(
    'While you were offline, someone deleted 2 cards you had changed, or where they were: “Booked before takeoff, aisle seat” and “Compared prices”.Put them back',
  );
  await page.getByRole('button', { name: 'Put them back' }).click();
  await expect(other.cardIn('Booked before takeoff, aisle seat', BEFORE)).toBeVisible();
  await expect(other.cardIn('Compared prices', FIRST_STAGE)).toBeVisible();
  // The card both rewrote holds both texts: said, naming who else did (from the card's
  // activity), with a way back to mine.
  const both = page.getByRole('status').filter({ hasText: 'changed the text of a card' });
  await expect(both).toContainText('Cy Park changed the text of a card while you were changing it');
  await expect(both).toContainText('Window seat, row 12');
  await expect(both).toContainText('Aisle seat, any row');
  await both.getByRole('button', { name: 'Use my text' }).click();
  await expect(other.cardIn('Window seat, row 12', BEFORE)).toBeVisible();
  await expect(page.getByText('While you were offline')).toHaveCount(0);
  // Stored by the server, not only relayed: a browser that opens the map now gets it too.
  const later = new BoardPage(await openSecondBrowser());
  await later.open(page.url());
  await expect(later.cardIn('Written in the air', IN_THE_AIR)).toBeVisible();
  await expect(later.cardIn('Booked before takeoff, aisle seat', BEFORE)).toBeVisible();
  await expect(later.cardIn('Compared prices', FIRST_STAGE)).toBeVisible();
});

test('after signing out, a reload with no network shows nothing of the account', async ({
  page,
  context,
  mapList,
}) => {
  await mapList.goto();
  const board = await mapList.createMap('Private roadmap');
  await board.addCard(BEFORE, 'Confidential launch date');
  const mapUrl = page.url();
  await waitForServiceWorkerControl(page);

  await mapList.goto();
  expect(await mapsKeptOnThisDevice(page)).toHaveLength(1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  // The map's copy and its preview (the board as JSON) are gone from the device.
  expect(await mapsKeptOnThisDevice(page)).toEqual([]);

  await context.setOffline(true);
  await page.goto(mapUrl);
  // The app shell still loads from the service worker, but nothing of the signed-out account.
  await expect(page.getByRole('alert')).toContainText('Could not reach the server');
  await expect(page.getByText('Private roadmap')).toHaveCount(0);
  await expect(page.getByText('Confidential launch date')).toHaveCount(0);
  await expect(page.getByTestId('cell')).toHaveCount(0);

  // Server endpoints never get the app shell as a stand-in.
  await expect(page.goto(routes.health.get.path)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test('the service worker script is revalidated, content-hashed files are cached for good', async ({
  request,
}) => {
  const worker = await request.get('/sw.js');
  expect(worker.ok()).toBe(true);
  expect(worker.headers()['content-type']).toContain('javascript');
  expect(worker.headers()['cache-control']).toBe('no-cache');

  // sw.js loads workbox's runtime as `./workbox-<hash>` (the loader adds `.js`).
  const runtime = /workbox-[0-9a-f]{8,}/.exec(await worker.text())?.[0];
  expect(runtime).toBeDefined();
  const runtimeResponse = await request.get(`/${runtime}.js`);
  expect(runtimeResponse.ok()).toBe(true);
  expect(runtimeResponse.headers()['cache-control']).toContain('immutable');

  const shell = await request.get('/maps/any-id');
  expect(shell.headers()['cache-control']).toBe('no-cache');
  const script = /\/assets\/index-[^"]+\.js/.exec(await shell.text())?.[0];
  expect(script).toBeDefined();
  const asset = await request.get(script ?? '');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('when the network goes while the map list is open, its maps offer nothing that needs the server', async ({
  page,
  context,
  mapList,
}) => {
  await mapList.goto();
  await mapList.createMap('Listed while online');
  await mapList.goto();
  const rename = page.getByRole('button', { name: 'Rename map Listed while online' });
  await expect(rename).toBeVisible();

  await context.setOffline(true);
  await expect(
    page.getByText(
      'Renaming, moving, deleting or exporting a map needs a connection to the server; you’re offline.',
    ),
  ).toBeVisible();
  await expect(rename).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete map Listed while online' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Export map/ })).toHaveCount(0);
  await expect(mapList.mapLink('Listed while online')).toBeVisible();

  await context.setOffline(false);
  await expect(rename).toBeVisible();
});
