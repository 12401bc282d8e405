/**
 * `PROFILE_ONLY=load pnpm --filter @journeyboard/bench profile-canvas`: where
 * the first render of a board goes. Reloads the open board with tracing and
 * the sampling profiler on, until every card in view is painted (the board
 * benchmark's first render), and prints:
 * - a timeline from navigation start: each main-thread task over 5 ms and what
 *   it spent its time on, the requests and the socket, and marks when the
 *   board first showed cards and when the first render was complete;
 * - each request's timing, and the probed components' renders by 10 ms;
 * - the functions with the most time in each task over `PROFILE_TASK_MS`
 *   (default 50), then in `PROFILE_WINDOW=from-to` (ms on the timeline) or the
 *   whole load; inclusive time, or self time with `PROFILE_SELF=1`.
 * `PROFILE_CPU=0` leaves the sampling profiler off (it slows the page down).
 * Build the web app with `vite build --minify false` to read function names.
 */
import type { Browser, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, type TraceEvent } from './trace-events.ts';

/**
 * A reload traced from navigation start until every card on screen is painted
 * (the board benchmark's first render): each main-thread task over 5 ms, when
 * it started and what it spent its time on.
 */
export async function profileLoad(
  browser: Browser,
  page: Page,
  options: { traceDir?: string | undefined; extraCategories: readonly string[] },
): Promise<void> {
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink',
      'blink.user_timing',
      'toplevel',
      'v8',
      'loading',
      ...options.extraCategories,
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
  await waitForFirstRender(page);
  const profile = sampling ? (await cdp.send('Profiler.stop')).profile : null;
  await printPageTimings(page);
  await page.waitForTimeout(300);
  const buffer = await browser.stopTracing();
  if (options.traceDir) writeFileSync(join(options.traceDir, 'load.json'), buffer);
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  console.log(loadTimeline(traceEvents));
  if (profile) printHeaviestFunctions(traceEvents, profile);
}

interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The functions with the most time inside them (self and callees), from a CPU profile. */
function heaviestFunctions(profile: CpuProfile, from: number, to: number): string {
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

/** Until every card in view is painted (as the board benchmark's first render), marking each change of the board on the way. */
async function waitForFirstRender(page: Page): Promise<void> {
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
}

/** The document's and each request's timing, and the probed components' renders by 10 ms. */
async function printPageTimings(page: Page): Promise<void> {
  const renders = await page.evaluate(() => {
    const w = window as unknown as { __journeyboardRenders: string[] };
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
}

/**
 * The functions in each task of the load over `PROFILE_TASK_MS` (default 50),
 * then in `PROFILE_WINDOW=from-to` (ms on the timeline) or the whole load.
 */
function printHeaviestFunctions(traceEvents: TraceEvent[], profile: CpuProfile): void {
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
