/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import type { Browser, Page } from '@playwright/test';

export interface BoardMeasurement {
  readonly cards: number;
  /** Navigation start → every card in the viewport rendered and painted. */
  readonly firstRenderMs: number;
  /** Of which: first sync message from the server → that frame painted (the board's own rendering). */
  readonly afterSyncMs: number;
  /** Cards in the DOM at that moment (large boards render off-screen lanes afterwards). */
  readonly cardsInDomAtFirstRender: number;
  /** 95th percentile of the main-thread time per frame while a card is dragged across the board. */
  readonly dragP95Ms: number;
  readonly dragFrames: number;
  /** JS heap in use after a full garbage collection, with the board open. */
  readonly heapMb: number;
  /** CardItem renders after a collaborator changes one card's text. */
  readonly cardRendersForOneChange: number;
  /** 95th percentile of the frame time while zooming with Ctrl + wheel around the pointer. */
  readonly zoomP95Ms: number;
  readonly zoomFrames: number;
  /** The longest task after the zoom gesture rests: laying the board out at its new zoom. */
  readonly zoomSettleMs: number;
  /** 95th percentile of the frame time while panning with the wheel. */
  readonly panP95Ms: number;
  readonly panFrames: number;
}

/** Which measurements to take: all, or only the canvas' zoom and pan, or only the first render (`BENCH_ONLY`). */
export type BenchParts = 'all' | 'canvas' | 'first-render';

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** Installed before the app loads: render counting (see render-probe.ts) and a frame timer. */
const INIT_SCRIPT = () => {
  const w = window as unknown as {
    __journeyboardRenders: string[];
    __frameTimes: number[];
    __frameTiming: boolean;
  };
  w.__journeyboardRenders = [];
  // When the board's first sync message arrives, to split the first render
  // into "before the board data is here" and "rendering it".
  const NativeWebSocket = window.WebSocket;
  (window as unknown as { __firstSyncMessageAt: number | null }).__firstSyncMessageAt = null;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      if (String(url).includes('/sync')) {
        this.addEventListener('message', () => {
          const holder = window as unknown as { __firstSyncMessageAt: number | null };
          holder.__firstSyncMessageAt ??= performance.now();
        });
      }
    }
  };
  w.__frameTimes = [];
  w.__frameTiming = false;
  // For each frame that handles a pointer move: from the first move event of
  // the frame until the frame's rendering work is done (a message posted from
  // requestAnimationFrame runs after style, layout and paint of that frame).
  let frameStart: number | null = null;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (frameStart !== null) w.__frameTimes.push(performance.now() - frameStart);
    frameStart = null;
  };
  const startFrame = () => {
    if (!w.__frameTiming || frameStart !== null) return;
    frameStart = performance.now();
    requestAnimationFrame(() => channel.port2.postMessage(null));
  };
  // Capture phase on window: before the app's own handlers (and their frame callbacks).
  window.addEventListener('pointermove', startFrame, { capture: true });
  window.addEventListener('wheel', startFrame, { capture: true, passive: true });
};

export async function measureBoard(
  browser: Browser,
  options: {
    baseUrl: string;
    mapId: string;
    cards: number;
    firstCardId: string;
    cookies: { name: string; value: string }[];
    /** Changes the first card's text through another client (the real sync path). */
    changeOneCard: (text: string) => Promise<void>;
    parts?: BenchParts;
  },
): Promise<BoardMeasurement> {
  const parts = options.parts ?? 'all';
  const all = parts === 'all';
  const canvas = parts !== 'first-render';
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  if (options.cookies.length > 0) {
    await context.addCookies(
      options.cookies.map((cookie) => ({ ...cookie, url: options.baseUrl })),
    );
  }
  const page = await context.newPage();
  // tsx compiles with keepNames, which wraps functions in __name(); evaluated
  // functions run in the page, where that helper has to exist too.
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript(INIT_SCRIPT);
  try {
    // Warm the HTTP cache (the first visit of a real user also pays for it,
    // but we measure rendering, not the bundle download on localhost).
    await page.goto(`${options.baseUrl}/maps/${options.mapId}`);
    await waitForCards(page, options.cards);
    const firstRender =
      parts !== 'canvas'
        ? await timeFirstRender(page)
        : { ms: NaN, cardsInDom: NaN, afterSyncMs: NaN };
    await waitForCards(page, options.cards);
    const heapMb = all ? await measureHeap(page) : NaN;
    const drag = all ? await measureDrag(page, options.firstCardId) : [];
    const cardRendersForOneChange = all ? await countRendersForOneChange(page, options) : NaN;
    const zoom = canvas ? await measureWheel(page, { zoom: true }) : { frames: [], settleMs: NaN };
    const pan = canvas ? await measureWheel(page, { zoom: false }) : { frames: [], settleMs: NaN };
    return {
      cards: options.cards,
      firstRenderMs: firstRender.ms,
      cardsInDomAtFirstRender: firstRender.cardsInDom,
      afterSyncMs: firstRender.afterSyncMs,
      dragP95Ms: percentile(drag, 95),
      dragFrames: drag.length,
      heapMb,
      cardRendersForOneChange,
      zoomP95Ms: percentile(zoom.frames, 95),
      zoomFrames: zoom.frames.length,
      zoomSettleMs: zoom.settleMs,
      panP95Ms: percentile(pan.frames, 95),
      panFrames: pan.frames.length,
    };
  } finally {
    await context.close();
  }
}

async function waitForCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="card"]').length === n,
    count,
    { timeout: 120_000, polling: 50 },
  );
}

/** Reloads timed for the first render; their median is reported (`BENCH_RELOADS`, default 3). */
const RELOADS = Number(process.env.BENCH_RELOADS ?? 3);

/**
 * Median of the reloads: navigation start → every card in the viewport is
 * rendered (no placeholder on screen, see cell-reveal.ts) → that frame
 * painted (the first task after it). Also returns how many cards were in the
 * DOM at that moment.
 */
async function timeFirstRender(
  page: Page,
): Promise<{ ms: number; cardsInDom: number; afterSyncMs: number }> {
  const runs: { ms: number; cardsInDom: number; afterSyncMs: number; decodedAt: number | null }[] =
    [];
  for (let run = 0; run < RELOADS; run++) {
    await page.reload({ waitUntil: 'commit' });
    const timed = await page.evaluate(
      () =>
        new Promise<{ ms: number; cardsInDom: number; afterSyncMs: number }>((resolve) => {
          const onScreen = (element: Element) => {
            const rect = element.getBoundingClientRect();
            return (
              rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth
            );
          };
          // Called in a frame's animation callbacks: a task queued there runs
          // once that frame is painted.
          const check = (inFrame: boolean) => {
            const cards = document.querySelectorAll('[data-testid="card"]').length;
            const waiting = [...document.querySelectorAll('[data-pending]')].some(onScreen);
            if (cards > 0 && !waiting) {
              const afterPaint = () =>
                setTimeout(() => {
                  const now = performance.now();
                  const synced =
                    (window as unknown as { __firstSyncMessageAt: number | null })
                      .__firstSyncMessageAt ?? now;
                  resolve({ ms: now, cardsInDom: cards, afterSyncMs: now - synced });
                }, 0);
              if (inFrame) afterPaint();
              else requestAnimationFrame(afterPaint);
            } else requestAnimationFrame(() => check(true));
          };
          check(false);
        }),
    );
    runs.push({ ...timed, decodedAt: await deviceCopyDecodedAt(page) });
  }
  console.log(
    `  first render, ${RELOADS} reloads in order: ${runs.map((run) => `${Math.round(run.ms)} ms (${Math.round(run.afterSyncMs)} after sync, ${run.cardsInDom} cards, ${run.decodedAt === null ? 'drawn from the document' : `document decoded at ${Math.round(run.decodedAt)} ms`})`).join(', ')}`,
  );
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

/**
 * When a board drawn from this device's preview got its decoded document
 * (local-copy.ts marks it); null when the board was drawn from the document.
 */
async function deviceCopyDecodedAt(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const shown = performance.getEntriesByName('journeyboard:board-from-preview', 'mark');
    if (shown.length === 0) return null;
    for (let tries = 0; tries < 100; tries++) {
      const [decoded] = performance.getEntriesByName('journeyboard:device-copy-decoded', 'mark');
      if (decoded) return decoded.startTime;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  });
}

async function measureHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** Drags the first card from the top-left cell to the bottom-right of the visible board, in 60 steps. */
async function measureDrag(page: Page, cardId: string): Promise<number[]> {
  const card = page.locator(`[data-card-id="${cardId}"]`);
  const box = await card.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('card not visible');
  const start = { x: box.x + box.width / 2, y: box.y + Math.min(20, box.height / 2) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 4 });
  await page.evaluate(() => {
    const w = window as unknown as { __frameTimes: number[]; __frameTiming: boolean };
    w.__frameTimes = [];
    w.__frameTiming = true;
  });
  const end = { x: viewport.width - 120, y: viewport.height - 120 };
  const steps = 60;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(
      start.x + ((end.x - start.x) * i) / steps,
      start.y + ((end.y - start.y) * i) / steps,
    );
  }
  const times = await page.evaluate(() => {
    const w = window as unknown as { __frameTimes: number[]; __frameTiming: boolean };
    w.__frameTiming = false;
    return w.__frameTimes;
  });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  return times;
}

/**
 * Ctrl + wheel (zoom around the pointer) or the plain wheel (pan), 60 events
 * about a frame apart over the middle of the board, as a trackpad sends them:
 * zooming out and back in, or scrolling down and back up. For each frame that
 * handled a wheel event, main-thread time from the event until that frame's
 * style, layout and paint were done. A zoom gesture is drawn as a transform
 * and laid out once it rests: `settleMs` is the longest task in the 800 ms
 * after the last event.
 */
async function measureWheel(
  page: Page,
  { zoom }: { zoom: boolean },
): Promise<{ frames: number[]; settleMs: number }> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  await page.mouse.move(viewport.width / 2, viewport.height / 2 + 100);
  await page.evaluate(() => {
    const w = window as unknown as { __frameTimes: number[]; __frameTiming: boolean };
    w.__frameTimes = [];
    w.__frameTiming = true;
  });
  if (zoom) await page.keyboard.down('Control');
  for (let i = 0; i < 60; i++) {
    // Out for the first half, back in for the second; down then up when panning.
    const delta = (i < 30 ? 1 : -1) * (zoom ? 5 : 60);
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(16);
  }
  if (zoom) await page.keyboard.up('Control');
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frameTimes: number[]; __frameTiming: boolean };
    w.__frameTiming = false;
    return w.__frameTimes;
  });
  const settleMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let longest = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(longest);
        }, 800);
      }),
  );
  return { frames, settleMs };
}

async function countRendersForOneChange(
  page: Page,
  options: { firstCardId: string; changeOneCard: (text: string) => Promise<void> },
): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __journeyboardRenders: string[] }).__journeyboardRenders.length = 0;
  });
  const text = `Changed by a collaborator ${Date.now()}`;
  await options.changeOneCard(text);
  await page.waitForFunction(
    ({ id, expected }) =>
      document.querySelector(`[data-card-id="${id}"]`)?.getAttribute('aria-label') === expected,
    { id: options.firstCardId, expected: text },
  );
  // Let any follow-up renders settle.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  return page.evaluate(
    () =>
      (window as unknown as { __journeyboardRenders: string[] }).__journeyboardRenders.filter(
        (entry) => entry.startsWith('CardItem:'),
      ).length,
  );
}
