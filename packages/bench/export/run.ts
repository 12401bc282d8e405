/**
 * `pnpm bench:export`: a 1,000-card map exported to PDF and to XLSX in
 * Chromium, time and peak memory of each; writes docs/benchmarks.md (between
 * the bench:export markers only).
 *
 * The map is made as bench:board makes it (12 stages × 8 lanes, filled over
 * the sync socket), so it is also a board too wide for one page: the PDF is
 * the paged print of issue #13. PDF = Chromium's own vector output of the
 * print mode (`page.pdf`, what "Save as PDF" produces, beforeprint included);
 * XLSX = the board's Export menu, click to the downloaded file (ExcelJS in
 * the page, loaded on demand as a person's first export loads it).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseCookies, signUp } from '../board/account.ts';
import { BoardClient, fillBoard, LANES, STAGES } from '../board/fill-map.ts';
import { startServer } from '../board/server.ts';
import { peakDuring } from './peak-memory.ts';
import { renderExportReport, writeExportReport, type ExportMeasurement } from './report.ts';

const CARDS = Number(process.env.BENCH_EXPORT_CARDS ?? 1000);
const RUNS = 3;
const REPORT = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

async function createMap(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ title: `Export benchmark ${CARDS}`, template: 'blank' }),
  });
  if (!response.ok) throw new Error(`create map failed: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

async function openBoard(browser: Browser, baseUrl: string, mapId: string, cookie: string) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
  });
  await context.addCookies(parseCookies(cookie).map((c) => ({ ...c, url: baseUrl })));
  const page = await context.newPage();
  await page.goto(`${baseUrl}/maps/${mapId}`);
  // Every card rendered (large boards reveal lanes progressively).
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="card"]').length === n,
    CARDS,
    { timeout: 180_000, polling: 100 },
  );
  return { context, page };
}

async function exportXlsx(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' }).click();
  const file = await download;
  return statSync(await file.path()).size;
}

async function measure(
  label: 'PDF' | 'XLSX',
  run: () => Promise<number>,
): Promise<ExportMeasurement> {
  const times: number[] = [];
  const peaks: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const { result, peakRssMb } = await peakDuring(run);
    times.push(performance.now() - started);
    peaks.push(peakRssMb);
    bytes = result;
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { label, ms: median(times), allMs: times, peakRssMb: Math.max(...peaks), bytes };
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const cookie = await signUp(server.baseUrl);
    const mapId = await createMap(server.baseUrl, cookie);
    const writer = await BoardClient.open(server.baseUrl, mapId, cookie);
    fillBoard(writer.doc, CARDS);
    const check = await BoardClient.open(server.baseUrl, mapId, cookie);
    await check.waitForCards(CARDS);
    check.close();

    const { context, page } = await openBoard(browser, server.baseUrl, mapId, cookie);
    const loadBefore = loadavg()[0]!;
    let pdfPages = 0;
    const pdf = await measure('PDF', async () => {
      const bytes = await page.pdf({ preferCSSPageSize: true });
      pdfPages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      return bytes.length;
    });
    // What part of the PDF is drawing the stage groups (the renderer in print mode), alone.
    const printRenderMs = await page.evaluate(() => {
      const started = performance.now();
      window.dispatchEvent(new Event('beforeprint'));
      const drawn = performance.now() - started;
      window.dispatchEvent(new Event('afterprint'));
      return drawn;
    });
    const xlsx = await measure('XLSX', () => exportXlsx(page));
    const loadAfter = loadavg()[0]!;
    await context.close();
    writer.close();

    for (const result of [pdf, xlsx])
      console.log(
        `${result.label}: median ${Math.round(result.ms)} ms (${result.allMs.map(Math.round).join(', ')}), ` +
          `peak Chromium RSS ${result.peakRssMb.toFixed(0)} MB, ${(result.bytes / 1024).toFixed(0)} KiB`,
      );
    console.log(`print pages drawn in ${Math.round(printRenderMs)} ms`);
    console.log(
      `PDF pages: ${pdfPages}; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
    );
    await writeExportReport(
      REPORT,
      renderExportReport([pdf, xlsx], {
        cards: CARDS,
        stages: STAGES,
        lanes: LANES,
        pdfPages,
        printRenderMs,
        machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GiB`,
        chromium: `Chromium ${browser.version()}`,
        load: `${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
      }),
    );
    console.log(`Wrote ${REPORT}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
