/**
 * `pnpm bench:board`: renders generated maps in Chromium and writes the
 * numbers to docs/benchmarks.md (between the bench:board markers only).
 *
 * Starts the real server on a fresh database, creates each map with
 * POST /api/maps and fills it through the sync socket with the shared board
 * operations — the same path a browser's edits take.
 */
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { parseCookies, signUp } from './account.ts';
import { BoardClient, fillBoard } from './fill-map.ts';
import { measureBoard, type BenchParts, type BoardMeasurement } from './measure.ts';
import { renderReport, writeReport } from './report.ts';
import { startServer } from './server.ts';
import { setCardText } from '@journeyboard/shared/board';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,3000').split(',').map(Number);
/**
 * `BENCH_ONLY=canvas`: only the zoom and pan frames; `BENCH_ONLY=first-render`:
 * only the first render. Printed; docs/benchmarks.md is left alone.
 */
const PARTS: BenchParts =
  process.env.BENCH_ONLY === 'canvas' || process.env.BENCH_ONLY === 'first-render'
    ? process.env.BENCH_ONLY
    : 'all';
const REPORT = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

async function createMap(baseUrl: string, cookie: string, title: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ title, template: 'blank' }),
  });
  if (!response.ok)
    throw new Error(`create map failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const results: BoardMeasurement[] = [];
  try {
    const cookie = await signUp(server.baseUrl);
    for (const cards of SIZES) {
      const mapId = await createMap(server.baseUrl, cookie, `Benchmark ${cards}`);
      const writer = await BoardClient.open(server.baseUrl, mapId, cookie);
      const { firstCardId } = fillBoard(writer.doc, cards);
      // A second client proves the server holds every card before the browser opens.
      const check = await BoardClient.open(server.baseUrl, mapId, cookie);
      await check.waitForCards(cards);
      check.close();

      const result = await measureBoard(browser, {
        baseUrl: server.baseUrl,
        mapId,
        cards,
        firstCardId,
        cookies: parseCookies(cookie),
        changeOneCard: async (text) => {
          setCardText(writer.doc, firstCardId, text);
        },
        parts: PARTS,
      });
      writer.close();
      results.push(result);
      console.log(
        `${cards} cards: first render ${Math.round(result.firstRenderMs)} ms, drag p95 ${result.dragP95Ms.toFixed(1)} ms ` +
          `(${result.dragFrames} frames), heap ${result.heapMb.toFixed(1)} MB, ` +
          `${result.cardRendersForOneChange} card render(s) for one change, ` +
          `zoom p95 ${result.zoomP95Ms.toFixed(1)} ms (${result.zoomFrames} frames, ` +
          `${Math.round(result.zoomSettleMs)} ms to settle), ` +
          `pan p95 ${result.panP95Ms.toFixed(1)} ms (${result.panFrames} frames)`,
      );
    }
    if (PARTS === 'all') {
      await writeReport(REPORT, renderReport(results, `Chromium ${browser.version()}`));
      console.log(`Wrote ${REPORT}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
