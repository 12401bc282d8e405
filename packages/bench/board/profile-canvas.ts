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
 * `PROFILE_CARDS` (default 1000); `PROFILE_TRACE_DIR` keeps the raw traces
 * (open them in chrome://tracing or the Performance panel).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCookies, signUp } from './account.ts';
import { BoardClient, fillBoard } from './fill-map.ts';
import { startServer } from './server.ts';

const CARDS = Number(process.env.PROFILE_CARDS ?? 1000);
const TRACE_DIR = process.env.PROFILE_TRACE_DIR;
/** `zoom`, `pan` or both (default); `load`: a reload of the board instead (first render). */
const ONLY = process.env.PROFILE_ONLY;
/** CSS added to the page before measuring, to try a change without a build. */
const EXTRA_CSS = process.env.PROFILE_CSS;
/** Extra trace categories, comma-separated (e.g. disabled-by-default-blink.invalidation). */
const EXTRA_CATEGORIES = (process.env.PROFILE_CATEGORIES ?? '').split(',').filter(Boolean);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { nodeName?: string; reason?: string };
    client?: string;
    reason?: string;
  };
}

/** Main-thread work we split by: the rendering pipeline's steps and script. */
const KINDS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style (scheduled)',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  'LocalFrameView::RunPaintLifecyclePhase': 'paint lifecycle',
  Layerize: 'layerize',
  'PaintArtifactCompositor::Update': 'layerize',
  UpdateLayer: 'update layer',
  Commit: 'commit',
  'ProxyMain::BeginMainFrame::commit': 'commit',
  'ProxyMain::BeginMainFrame': 'begin main frame',
  HitTest: 'hit test',
  EventDispatch: 'event dispatch',
  FunctionCall: 'script',
  FireAnimationFrame: 'rAF',
  TimerFire: 'timer',
  'v8.execute': 'v8 execute',
  MajorGC: 'GC',
  MinorGC: 'GC',
  'V8.GC_SCAVENGER': 'GC',
  ScrollLayer: 'scroll',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
  ResizeObserverEntry: 'resize observers',
  CompositeLayers: 'composite',
  'LocalFrameView::UpdateStyleAndLayoutIfNeededRecursive': 'style+layout',
  'LocalFrameView::UpdateAllLifecyclePhases': 'all lifecycle',
};

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

/**
 * A reload traced from navigation start until every card on screen is painted
 * (the board benchmark's first render): each main-thread task over 5 ms, when
 * it started and what it spent its time on.
 */
async function profileLoad(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink',
      'blink.user_timing',
      'toplevel',
      'v8',
      'loading',
      ...EXTRA_CATEGORIES,
    ],
  });
  // The sampling profiler slows the page down: `PROFILE_CPU=0` for the timeline alone.
  const sampling = process.env.PROFILE_CPU !== '0';
  const cdp = await page.context().newCDPSession(page);
  if (sampling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.reload({ waitUntil: 'commit' });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const onScreen = (element: Element) => {
          const rect = element.getBoundingClientRect();
          return (
            rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth
          );
        };
        let last = '';
        const check = () => {
          const cards = document.querySelectorAll('[data-testid="card"]').length;
          const pending = [...document.querySelectorAll('[data-pending]')];
          const waiting = pending.some(onScreen);
          const mode = document.querySelector('.board')?.className ?? 'no board';
          const state = `${mode}: cards=${cards} pending=${pending.length} on-screen=${pending.filter(onScreen).length}`;
          if (state !== last) performance.mark(`profile:${state}`);
          last = state;
          if (cards > 0 && !waiting) {
            requestAnimationFrame(() =>
              setTimeout(() => {
                performance.mark('profile:first-render');
                resolve();
              }, 0),
            );
          } else requestAnimationFrame(check);
        };
        check();
      }),
  );
  const profile = sampling ? (await cdp.send('Profiler.stop')).profile : null;
  const renders = await page.evaluate(() => {
    const w = window as unknown as { __journeyboardRenders: string[] };
    const origin = performance.timeOrigin;
    void origin;
    return w.__journeyboardRenders.splice(0);
  });
  const requests = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(
        (entry) => !entry.name.includes('/api/maps/') || !/\/api\/maps\/[^/]+\/./.test(entry.name),
      )
      .map((entry) => {
        const e = entry as PerformanceResourceTiming;
        const ms = (t: number) => (t ? Math.round(t) : '-');
        return `${new URL(e.name).pathname}: start ${ms(e.startTime)}, worker ${ms(e.workerStart)}, request ${ms(e.requestStart)}, response ${ms(e.responseStart)}, end ${ms(e.responseEnd)}`;
      }),
  );
  const navigation = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry
      ? `document: worker ${Math.round(entry.workerStart)}, response ${Math.round(entry.responseStart)}-${Math.round(entry.responseEnd)}, interactive ${Math.round(entry.domInteractive)}, loaded ${Math.round(entry.domContentLoadedEventEnd)}`
      : 'no navigation entry';
  });
  console.log(`${navigation}\nrequests (page time):\n  ${requests.join('\n  ')}`);
  // Renders of the probed components, by 10 ms of page time (not the trace's clock).
  const buckets = new Map<string, Map<string, number>>();
  for (const entry of renders) {
    const [ms, what] = entry.split(' ');
    const bucket = `${Math.floor(Number(ms) / 10) * 10}`;
    const component = what!.split(':')[0]!;
    const counts = buckets.get(bucket) ?? new Map<string, number>();
    counts.set(component, (counts.get(component) ?? 0) + 1);
    buckets.set(bucket, counts);
  }
  for (const [bucket, counts] of buckets) {
    console.log(
      `renders at ${bucket} ms (page time): ${[...counts].map(([c, n]) => `${c} ×${n}`).join(', ')}`,
    );
  }
  await page.waitForTimeout(300);
  const buffer = await browser.stopTracing();
  if (TRACE_DIR) writeFileSync(join(TRACE_DIR, 'load.json'), buffer);
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  console.log(loadTimeline(traceEvents));
  if (!profile) return;
  // The functions in each task of the load over `PROFILE_TASK_MS` (default 50), then in the whole load.
  const longest = traceEvents
    .filter(
      (e) =>
        (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') &&
        (e.dur ?? 0) > Number(process.env.PROFILE_TASK_MS ?? 50) * 1000,
    )
    .sort((a, b) => a.ts - b.ts)
    // Nested task events: the outer one only.
    .filter((e, i, all) => i === 0 || e.ts >= all[i - 1]!.ts + all[i - 1]!.dur!);
  for (const task of longest) {
    const origin = traceEvents.find((e) => e.name === 'navigationStart')?.ts ?? 0;
    console.log(
      `in the task of ${(task.dur! / 1000).toFixed(0)} ms at ${((task.ts - origin) / 1000).toFixed(0)} ms:`,
    );
    console.log(heaviestFunctions(profile, task.ts, task.ts + task.dur!));
  }
  // `PROFILE_WINDOW=from-to`: only that span (ms on the timeline), else the whole load.
  const origin = traceEvents.find((e) => e.name === 'navigationStart')?.ts ?? 0;
  const [from, to] = (process.env.PROFILE_WINDOW ?? '').split('-').map(Number);
  const windowed = from !== undefined && to !== undefined && !Number.isNaN(from + to);
  console.log(windowed ? `from ${from} to ${to} ms:` : 'in the whole load:');
  console.log(
    windowed
      ? heaviestFunctions(profile, origin + from * 1000, origin + to * 1000)
      : heaviestFunctions(profile, -Infinity, Infinity),
  );
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The functions with the most time inside them (self and callees), from a CPU profile. */
function heaviestFunctions(
  profile: { nodes: CpuNode[]; startTime: number; samples?: number[]; timeDeltas?: number[] },
  from: number,
  to: number,
): string {
  const self = new Map<number, number>();
  let time = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    const delta = profile.timeDeltas?.[i] ?? 0;
    time += delta;
    if (time >= from && time <= to) self.set(id, (self.get(id) ?? 0) + delta / 1000);
  });
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  const walk = (node: CpuNode, onStack: Set<string>): number => {
    const frame = node.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    let total = self.get(node.id) ?? 0;
    const inner = new Set(onStack).add(name);
    for (const child of node.children ?? []) total += walk(byId.get(child)!, inner);
    if (!onStack.has(name)) totals.set(name, (totals.get(name) ?? 0) + total);
    return total;
  };
  walk(profile.nodes[0]!, new Set());
  if (process.env.PROFILE_SELF) {
    const selfByName = new Map<string, number>();
    for (const node of profile.nodes) {
      const frame = node.callFrame;
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      selfByName.set(name, (selfByName.get(name) ?? 0) + (self.get(node.id) ?? 0));
    }
    totals.clear();
    for (const [name, ms] of selfByName) totals.set(name, ms);
  }
  return [...totals]
    .filter(
      ([name]) =>
        !name.startsWith('(root)') && !name.startsWith('(program)') && !name.startsWith('(idle)'),
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([name, ms]) => `  ${ms.toFixed(0).padStart(5)} ms  ${name}`)
    .join('\n');
}

/** Requests and socket events shown on the load timeline. */
const NETWORK = new Set([
  'ResourceSendRequest',
  'WebSocketCreate',
  'WebSocketReceiveHandshakeResponse',
]);

function loadTimeline(events: TraceEvent[]): string {
  const mainKeys = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainKeys.has(`${e.pid}:${e.tid}`);
  const navigation = events.find((e) => e.name === 'navigationStart' && onMain(e));
  const origin = navigation?.ts ?? Math.min(...events.map((e) => e.ts));
  const at = (ts: number) => `${((ts - origin) / 1000).toFixed(0).padStart(5)} ms`;
  const lines: string[] = [];
  for (const mark of events.filter(
    (e) => onMain(e) && (e.name.startsWith('profile:') || e.name === 'firstContentfulPaint'),
  )) {
    lines.push(`${at(mark.ts)}  mark ${mark.name}`);
  }
  const urls = new Map<string, string>();
  for (const request of events.filter((e) => NETWORK.has(e.name))) {
    const data = request.args?.data as { url?: string; requestId?: string } | undefined;
    const url = (data?.url ?? '').replace(/^https?:\/\/[^/]+/, '');
    if (data?.requestId && url) urls.set(data.requestId, url);
    if (url.startsWith('/assets/')) continue;
    lines.push(
      `${at(request.ts)}  ${request.name} ${url || urls.get(data?.requestId ?? '') || ''}`,
    );
  }
  const tasks = events.filter(
    (e) =>
      onMain(e) &&
      e.ph === 'X' &&
      (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') &&
      (e.dur ?? 0) > 5000,
  );
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = events.filter(
      (e) =>
        onMain(e) && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e !== task,
    );
    const kinds = new Map<string, number>();
    for (const e of inside) {
      const kind = KINDS[e.name];
      if (kind && kind !== 'v8 execute') kinds.set(kind, (kinds.get(kind) ?? 0) + e.dur! / 1000);
    }
    const calls = new Map<string, number>();
    for (const e of inside) {
      if (e.name !== 'FunctionCall') continue;
      const data = e.args?.data as { functionName?: string; url?: string; lineNumber?: number };
      const where = `${data.functionName || '(anonymous)'}@${(data.url ?? '').split('/').pop()}:${data.lineNumber ?? ''}`;
      calls.set(where, (calls.get(where) ?? 0) + e.dur! / 1000);
    }
    const callParts = [...calls]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([where, ms]) => `${where} ${ms.toFixed(0)}`)
      .join(', ');
    const parts = [...kinds]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`)
      .join(', ');
    lines.push(
      `${at(task.ts)}  task ${(task.dur! / 1000).toFixed(0).padStart(4)} ms  ${parts}${callParts ? ` | ${callParts}` : ''}`,
    );
  }
  return lines.sort().join('\n');
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
      await profileLoad(browser, page);
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
