/**
 * `pnpm --filter @journeyboard/bench profile-canvas`: where a zoom or pan frame
 * of a 1,000-card board goes. Runs the same wheel gestures as the board
 * benchmark with Chromium tracing on and prints, per gesture, the renderer
 * main thread's time by kind of work (style, layout, pre-paint, paint,
 * layerize, commit, script, …) and the raster threads' total.
 *
 * Then what was repainted (the elements whose layers painted, most time
 * first) and why (the display items invalidated, with their reasons): a
 * gesture should repaint nothing (apps/web/CONTEXT.md, "Nothing may repaint
 * during a zoom gesture").
 *
 * `PROFILE_ONLY=load`: the board's first render instead (profile-load.ts).
 * `PROFILE_CARDS` (default 1000); `PROFILE_TRACE_DIR` keeps the raw traces
 * (open them in chrome://tracing or the Performance panel).
 */
import { chromium, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCookies, signUp } from './account.ts';
import { BoardClient, fillBoard } from './fill-map.ts';
import { startServer } from './server.ts';
import { profileLoad } from './profile-load.ts';
import { KINDS, type TraceEvent } from './trace-events.ts';

const CARDS = Number(process.env.PROFILE_CARDS ?? 1000);
const TRACE_DIR = process.env.PROFILE_TRACE_DIR;
/** `zoom`, `pan` or both (default); `load`: a reload of the board instead (first render). */
const ONLY = process.env.PROFILE_ONLY;
/** CSS added to the page before measuring, to try a change without a build. */
const EXTRA_CSS = process.env.PROFILE_CSS;
/** Extra trace categories, comma-separated (e.g. disabled-by-default-blink.invalidation). */
const EXTRA_CATEGORIES = (process.env.PROFILE_CATEGORIES ?? '').split(',').filter(Boolean);
function summarise(events: TraceEvent[]): string {
  const threads = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name) {
      threads.set(`${event.pid}:${event.tid}`, event.args.name);
    }
  }
  const mainKeys = new Set(
    [...threads].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key),
  );
  const totals = new Map<string, { ms: number; count: number }>();
  const add = (kind: string, dur: number) => {
    const entry = totals.get(kind) ?? { ms: 0, count: 0 };
    entry.ms += dur / 1000;
    entry.count++;
    totals.set(kind, entry);
  };
  let raster = 0;
  let compositor = 0;
  let first = Infinity;
  let last = 0;
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const key = `${event.pid}:${event.tid}`;
    const thread = threads.get(key) ?? '';
    if (mainKeys.has(key)) {
      first = Math.min(first, event.ts);
      last = Math.max(last, event.ts + event.dur);
      const kind = KINDS[event.name];
      if (kind) add(kind, event.dur);
      if (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask') {
        add('(all tasks)', event.dur);
      }
    } else if (/Raster|CompositorTileWorker/i.test(thread) && event.name === 'RasterTask') {
      raster += event.dur / 1000;
    } else if (thread === 'Compositor' && event.name === 'ThreadControllerImpl::RunTask') {
      compositor += event.dur / 1000;
    }
  }
  const lines = [...totals]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([kind, { ms, count }]) => `  ${kind.padEnd(26)} ${ms.toFixed(1).padStart(8)} ms  ×${count}`,
    );
  lines.push(`  ${'raster threads'.padEnd(26)} ${raster.toFixed(1).padStart(8)} ms`);
  lines.push(`  ${'compositor thread'.padEnd(26)} ${compositor.toFixed(1).padStart(8)} ms`);
  lines.push(`  ${'traced span'.padEnd(26)} ${((last - first) / 1000).toFixed(1).padStart(8)} ms`);
  return lines.join('\n');
}

/** The five largest entries of a tally, one per line. */
function top(tally: Map<string, { ms: number; count: number }>, unit: 'ms' | 'count'): string[] {
  return [...tally]
    .sort((a, b) => (unit === 'ms' ? b[1].ms - a[1].ms : b[1].count - a[1].count))
    .slice(0, 5)
    .map(([what, { ms, count }]) =>
      unit === 'ms'
        ? `    ${ms.toFixed(1).padStart(8)} ms ×${count}  ${what}`
        : `    ×${String(count).padEnd(6)} ${what}`,
    );
}

/** Which elements' layers painted, and which display items were invalidated and why. */
function repaints(events: TraceEvent[]): string {
  const painted = new Map<string, { ms: number; count: number }>();
  const invalidated = new Map<string, { ms: number; count: number }>();
  const add = (tally: typeof painted, key: string, ms: number) => {
    const entry = tally.get(key) ?? { ms: 0, count: 0 };
    entry.ms += ms;
    entry.count++;
    tally.set(key, entry);
  };
  for (const event of events) {
    if (event.name === 'Paint' && event.ph === 'X') {
      add(painted, event.args?.data?.nodeName ?? '?', (event.dur ?? 0) / 1000);
    } else if (event.name === 'InvalidateDisplayItemClient') {
      add(invalidated, `${event.args?.client ?? '?'} (${event.args?.reason ?? '?'})`, 0);
    }
  }
  const lines = ['  painted (nested: a layer includes those inside it):', ...top(painted, 'ms')];
  if (invalidated.size > 0) lines.push('  invalidated:', ...top(invalidated, 'count'));
  return lines.join('\n');
}

async function wheel(page: Page, zoom: boolean): Promise<void> {
  const viewport = page.viewportSize()!;
  await page.mouse.move(viewport.width / 2, viewport.height / 2 + 100);
  if (zoom) await page.keyboard.down('Control');
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, (i < 30 ? 1 : -1) * (zoom ? 5 : 60));
    await page.waitForTimeout(16);
  }
  if (zoom) await page.keyboard.up('Control');
  await page.waitForTimeout(800);
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const cookie = await signUp(server.baseUrl);
    const response = await fetch(`${server.baseUrl}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ title: 'Profile', template: 'blank' }),
    });
    const { id: mapId } = (await response.json()) as { id: string };
    const writer = await BoardClient.open(server.baseUrl, mapId, cookie);
    fillBoard(writer.doc, CARDS);
    const check = await BoardClient.open(server.baseUrl, mapId, cookie);
    await check.waitForCards(CARDS);
    check.close();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addCookies(parseCookies(cookie).map((c) => ({ ...c, url: server.baseUrl })));
    const page = await context.newPage();
    // tsx wraps functions in __name(); evaluated functions need it in the page too.
    await page.addInitScript('window.__name = (fn) => fn;');
    // The render probe (render-probe.ts), each report stamped with its time.
    await page.addInitScript(() => {
      const renders: string[] = [];
      renders.push = (...items: string[]) =>
        Array.prototype.push.apply(
          renders,
          items.map((item) => `${Math.round(performance.now())} ${item}`),
        );
      (window as unknown as { __journeyboardRenders: string[] }).__journeyboardRenders = renders;
    });
    await page.goto(`${server.baseUrl}/maps/${mapId}`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="card"]').length === n,
      CARDS,
      { timeout: 120_000 },
    );
    if (EXTRA_CSS) await page.addStyleTag({ content: EXTRA_CSS });
    await page.waitForTimeout(1000);
    if (ONLY === 'load') {
      await profileLoad(browser, page, { traceDir: TRACE_DIR, extraCategories: EXTRA_CATEGORIES });
      writer.close();
      await context.close();
      return;
    }
    const gestures = [true, false].filter((zoom) => !ONLY || ONLY === (zoom ? 'zoom' : 'pan'));
    for (const zoom of gestures) {
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink',
          'cc',
          'toplevel',
          'v8',
          'benchmark',
          'disabled-by-default-blink.invalidation',
          ...EXTRA_CATEGORIES,
        ],
      });
      await wheel(page, zoom);
      const buffer = await browser.stopTracing();
      const label = zoom ? 'zoom' : 'pan';
      if (TRACE_DIR) writeFileSync(join(TRACE_DIR, `${label}.json`), buffer);
      const parsed = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
      console.log(
        `${label} (${CARDS} cards, 60 wheel events):\n${summarise(parsed.traceEvents)}\n` +
          repaints(parsed.traceEvents),
      );
    }
    writer.close();
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
