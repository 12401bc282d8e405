import { routePath, routes } from '@journeyboard/shared';
import { expect, test } from './fixtures/index.ts';
import { joinCrowd } from './fixtures/workshop-crowd.ts';
import { WorkshopTools } from './pages/workshop-tools.ts';

test.use({ accountName: 'Fiona Facilitator' });

const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1600, height: 900 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];

/**
 * A facilitator's header is the fullest: the map's status, a running timer with its
 * controls ("Time's up" once it runs out), "Workshop", a room of 21 people ("+N"), the
 * connection, Undo/Redo and every page action.
 */
test('from a laptop to full HD, a facilitator’s header with a timer and a room of people keeps every tool on screen and the title readable; the workshop tools cover none of the board', async ({
  page,
  mapList,
  baseURL,
}) => {
  await mapList.goto();
  await mapList.createMap('Trial to paid: onboarding', 'B2B SaaS onboarding');
  const mapId = /\/maps\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  // 21 workshop participants on the map: with eight avatars and "+13" the title was "T…".
  const link = await page.request.post(
    routePath(routes.sharing.createWorkshopLink, { id: mapId }),
    {
      data: {},
    },
  );
  const { token } = (await link.json()) as { token: string };
  const names = Array.from({ length: 21 }, (_, i) => `Participant ${i + 1}`);
  const crowd = await joinCrowd(baseURL, mapId, token, names);
  const others = page.getByRole('button', { name: 'Everyone on this map (21 others)' });
  await expect(others).toBeVisible();
  const tools = new WorkshopTools(page);
  await tools.startTimer('5');
  const header = page.getByRole('banner');
  // Open since the timer was started from them.
  const workshopTools = page.getByRole('region', { name: 'Workshop', exact: true });
  const boardView = page.locator('.board-scroll');

  const expectAllOnScreen = async (state: string) => {
    for (const viewport of SCREENS) {
      await page.setViewportSize(viewport);
      const at = `${state}, ${viewport.width} px`;
      const boxes = await header
        .getByRole('button')
        .or(header.getByRole('link'))
        .evaluateAll((elements) =>
          elements.map((element) => {
            const box = element.getBoundingClientRect();
            const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
            return { name: name.trim(), left: box.left, right: box.right, bottom: box.bottom };
          }),
        );
      expect(boxes.length, at).toBeGreaterThanOrEqual(14);
      for (const box of boxes) {
        // On screen, on the header's one row.
        expect(box.left, `${box.name}: ${at}`).toBeGreaterThanOrEqual(0);
        expect(box.right, `${box.name}: ${at}`).toBeLessThanOrEqual(viewport.width);
        expect(box.bottom, `${box.name}: ${at}`).toBeLessThanOrEqual(56);
      }
      // Their words are still their names (and tooltips), beside an icon.
      for (const name of ['Comments', 'Personas', 'Present', 'Export', 'Share', 'Stop timer']) {
        await expect(header.getByRole('button', { name, exact: true }), at).toBeInViewport({
          ratio: 1,
        });
      }
      // Enough of the title to tell maps apart, not a letter and an ellipsis: on a laptop the
      // avatars give way (four and "+17", on a laptop three and "+18").
      const title = header.getByRole('heading', { level: 1 });
      expect((await title.boundingBox())!.width, at).toBeGreaterThan(120);
      await expect(others, at).toHaveText(viewport.width < 1536 ? '+18' : '+17');
      // The workshop tools below the board's view, not over its foot (its last lane, "Add lane",
      // its scrollbar).
      const view = (await boardView.boundingBox())!;
      expect(view.y + view.height, at).toBeLessThanOrEqual((await workshopTools.boundingBox())!.y);
    }
  };

  await expectAllOnScreen('running');
  // Time's up (the widest the timer gets): a one-second run, as a script can start one.
  const started = await page.request.post(routePath(routes.timer.start, { id: mapId }), {
    data: { durationSeconds: 1 },
  });
  expect(started.status()).toBe(200);
  await expect(tools.timer()).toContainText('Time’s up');
  await expectAllOnScreen('time’s up');
  // Full HD has room for the words too.
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const words of ['Comments', 'Present']) {
    const box = await header.getByText(words, { exact: true }).boundingBox();
    expect(box?.width, words).toBeGreaterThan(40);
  }
  crowd.leave();
});

test('at 1366 px, offline, the pill says “Offline” (the rest in its tooltip and name) and the map’s title shows whole', async ({
  page,
  context,
  mapList,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await mapList.goto();
  const board = await mapList.createMap(
    'Onboarding workshop journey, trial to paid',
    'B2B SaaS onboarding',
  );
  await context.setOffline(true);
  const status = board.connectionStatus();
  await expect(status).toHaveText('Offline — changes saved on this device');
  await expect(status).toHaveAttribute('title', 'Offline — changes saved on this device');
  const title = page.getByRole('button', {
    name: 'Rename map Onboarding workshop journey, trial to paid',
  });
  const cut = () => title.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(await cut(), 'the title whole').toBe(false);
  const pill = (await status.boundingBox())!;
  expect(pill.width, 'the pill as short as its word').toBeLessThan(120);
  await context.setOffline(false);
});
