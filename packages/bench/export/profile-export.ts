/**
 * `pnpm --filter @journeyboard/bench profile-export` (after `pnpm build`):
 * where the time of a 1,000-card PDF and XLSX export goes. Opens the board as
 * bench:export does, then runs each export once with Chromium tracing and the
 * V8 sampling profiler on, and prints the renderer main thread's time by kind
 * of work (script, style, layout, paint, print) and the heaviest functions.
 *
 * `PROFILE_CARDS` (default 1000); `PROFILE_DIR` keeps the raw traces and
 * `.cpuprofile`s (open them in the Performance panel; the build has source maps).
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCookies, signUp } from '../board/account.ts';
import { BoardClient, fillBoard } from '../board/fill-map.ts';
import { startServer } from '../board/server.ts';

const CARDS = Number(process.env.PROFILE_CARDS ?? 1000);
const DIR = process.env.PROFILE_DIR;
/** CSS added to the page before measuring, to try a change without a build. */
const EXTRA_CSS = process.env.PROFILE_CSS;
/** `pdf` or `xlsx` alone (default both). */
const ONLY = process.env.PROFILE_ONLY;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The main-thread steps we split by (outermost events only, so nothing counts twice). */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EventDispatch: 'script (events)',
  TimerFire: 'script (timers)',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  EvaluateScript: 'script (evaluate)',
  'v8.evaluateModule': 'script (evaluate)',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  MajorGC: 'GC',
  MinorGC: 'GC',
};

function summariseTrace(events: TraceEvent[]): string {
  const threads = new Map<string, string>();
  for (const event of events)
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name)
      threads.set(`${event.pid}:${event.tid}`, event.args.name);
  const main = new Set([...threads].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
  const totals = new Map<string, number>();
  const names = new Map<string, number>();
  let openUntil = 0;
  let tasks = 0;
  for (const event of events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts)) {
    if (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask')
      tasks += event.dur! / 1000;
    names.set(event.name, (names.get(event.name) ?? 0) + event.dur! / 1000);
    const kind = KINDS[event.name];
    if (!kind || event.ts < openUntil) continue;
    openUntil = event.ts + event.dur!;
    totals.set(kind, (totals.get(kind) ?? 0) + event.dur! / 1000);
  }
  const lines = [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `  ${kind.padEnd(22)} ${ms.toFixed(0).padStart(7)} ms`);
  lines.push(`  ${'(all main-thread tasks)'.padEnd(22)} ${tasks.toFixed(0).padStart(7)} ms`);
  lines.push('  longest event kinds (inclusive, may nest):');
  for (const [name, ms] of [...names].sort((a, b) => b[1] - a[1]).slice(0, 14))
    lines.push(`    ${name.slice(0, 60).padEnd(60)} ${ms.toFixed(0).padStart(7)} ms`);
  return lines.join('\n');
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function summariseProfile(profile: CpuProfile): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([key, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${key.slice(0, 110)}`)
    .join('\n');
}

async function profiled(
  page: Page,
  cdp: CDPSession,
  label: string,
  work: () => Promise<unknown>,
): Promise<void> {
  const browser = page.context().browser()!;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink',
      'toplevel',
      'v8',
    ],
  });
  await cdp.send('Profiler.start');
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const trace = await browser.stopTracing();
  if (DIR) {
    writeFileSync(join(DIR, `${label}.trace.json`), trace);
    writeFileSync(join(DIR, `${label}.cpuprofile`), JSON.stringify(profile));
  }
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  console.log(`${label}: ${Math.round(ms)} ms (profiled: slower than unprofiled)`);
  console.log(summariseTrace(events));
  console.log('  heaviest functions (self time):');
  console.log(summariseProfile(profile));
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
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ title: 'Export profile', template: 'blank' }),
    });
    const { id: mapId } = (await response.json()) as { id: string };
    const writer = await BoardClient.open(server.baseUrl, mapId, cookie);
    fillBoard(writer.doc, CARDS);
    const check = await BoardClient.open(server.baseUrl, mapId, cookie);
    await check.waitForCards(CARDS);
    check.close();
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      acceptDownloads: true,
    });
    await context.addCookies(parseCookies(cookie).map((c) => ({ ...c, url: server.baseUrl })));
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/maps/${mapId}`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="card"]').length === n,
      CARDS,
      { timeout: 180_000, polling: 100 },
    );
    if (EXTRA_CSS) await page.addStyleTag({ content: EXTRA_CSS });
    const cdp = await context.newCDPSession(page);
    // Twice: a second PDF from the same open board is what the benchmark's median sees.
    for (const run of ONLY === 'xlsx' ? [] : [1, 2]) {
      await profiled(page, cdp, `pdf-${run}`, async () => {
        const bytes = await page.pdf({ preferCSSPageSize: true });
        console.log(`  ${(bytes.length / 1024).toFixed(0)} KiB`);
        if (DIR) writeFileSync(join(DIR, `pdf-${run}.pdf`), bytes);
      });
    }
    if (ONLY !== 'pdf')
      await profiled(page, cdp, 'xlsx', async () => {
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        const download = page.waitForEvent('download', { timeout: 120_000 });
        await page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' }).click();
        await (await download).path();
      });
    writer.close();
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
