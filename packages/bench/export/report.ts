import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

const START = '<!-- bench:export:start -->';
const END = '<!-- bench:export:end -->';
const TARGET_MS = 3000;

export interface ExportMeasurement {
  readonly label: 'PDF' | 'XLSX';
  /** Median of the runs. */
  readonly ms: number;
  readonly allMs: readonly number[];
  readonly peakRssMb: number;
  readonly bytes: number;
}

export function renderExportReport(
  results: readonly ExportMeasurement[],
  run: {
    cards: number;
    stages: number;
    lanes: number;
    pdfPages: number;
    printRenderMs: number;
    machine: string;
    chromium: string;
    load: string;
  },
): string {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return [
    START,
    '',
    `Run ${date} UTC on ${run.machine}, ${run.chromium} headless; load average (1 min) ${run.load} — ` +
      'the machine is shared with other jobs, so these are upper bounds of a quiet run. ' +
      `A map of ${run.cards.toLocaleString('en')} cards, ${run.stages} stages × ${run.lanes} lanes (as bench:board makes it), open in the board.`,
    '',
    '| export | time (median of 3) | runs | peak Chromium memory (RSS) | output |',
    '| ------ | -----------------: | ---- | -------------------------: | -----: |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${Math.round(r.ms)} ms ${r.ms <= TARGET_MS ? '✅' : '❌'} | ${r.allMs.map((ms) => Math.round(ms)).join(', ')} ms ` +
        `| ${r.peakRssMb.toFixed(0)} MB | ${(r.bytes / 1024).toFixed(0)} KiB${r.label === 'PDF' ? `, ${run.pdfPages} pages` : ''} |`,
    ),
    '',
    `Target: ≤ ${TARGET_MS / 1000} s each on the reference machine. Of the PDF, drawing the stage groups ` +
      `(\`beforeprint\`: the renderer in print mode, every card) took ${Math.round(run.printRenderMs)} ms; the rest is Chromium's print layout and PDF writing.`,
    '',
    '- **PDF**: `page.pdf({ preferCSSPageSize: true })`, Chromium’s vector output of the print mode — what',
    '  "Save as PDF" makes: `beforeprint` renders the board’s stage groups (this board is too wide for one A3',
    '  page at 7 pt), then layout and the PDF itself.',
    '- **XLSX**: the board’s Export menu, from the click on "Excel workbook (.xlsx)" to the finished download',
    '  (the map file from the open board, the sheets, ExcelJS writing the workbook in the page).',
    '- **peak memory**: the resident memory of Chromium’s whole process tree, sampled every 20 ms during the',
    '  export (its baseline, the open board, included).',
    END,
  ].join('\n');
}

/** Replaces only the export section of docs/benchmarks.md, formatted as the repository's Prettier would. */
export async function writeExportReport(file: string, section: string): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  const formatted = (await format(section, { ...options, parser: 'markdown' })).trimEnd();
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`markers not found in ${file}`);
  writeFileSync(file, text.slice(0, start) + formatted + text.slice(end + END.length));
}
