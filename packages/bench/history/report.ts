import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';
import type { DiffMeasurement } from './diff.ts';

const START = '<!-- bench:history:start -->';
const END = '<!-- bench:history:end -->';
const mark = (ok: boolean) => (ok ? '✅' : '❌');

export interface HistoryResults {
  readonly diff: DiffMeasurement;
}

export function renderHistoryReport({ diff }: HistoryResults): string {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return [
    START,
    '',
    `Run ${date} UTC on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ` +
      `load average ${loadavg()[0]!.toFixed(1)} when it started (other work on the machine slows every row).`,
    '',
    '| measure | result | target |',
    '| ------- | -----: | -----: |',
    `| diff between two versions of a ${diff.cards.toLocaleString('en')}-card map (${diff.changes} changes; median of ${diff.runs}, max ${Math.round(diff.maxMs)} ms) | ${Math.round(diff.medianMs)} ms ${mark(diff.medianMs <= 300)} | ≤ 300 ms |`,
    '',
    '- **diff**: both versions’ stored states (Yjs, ' +
      `${Math.round(diff.stateBytes / 1024)} KB each) read back into the typed board model, then ` +
      '`diffBoards` — what `GET /api/maps/:id/changes` computes for two version ids. The map has 12 stages × 8 lanes; ' +
      'the second version changes every 20th card (text, move, fields, delete, add), renames a stage and sets an emotion score.',
    END,
  ].join('\n');
}

/** Replaces only the history section of docs/benchmarks.md (appended the first time). */
export async function writeHistoryReport(file: string, section: string): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  const formatted = (await format(section, { ...options, parser: 'markdown' })).trimEnd();
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START))
    text = `${text.trimEnd()}\n\n## Version history (\`pnpm bench:history\`)\n\n${START}\n${END}\n`;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  writeFileSync(file, text.slice(0, start) + formatted + text.slice(end + END.length));
}
