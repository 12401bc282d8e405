/** Percentiles and the markdown written between a section's markers in docs/benchmarks.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) =>
  Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : value.toFixed(0);

const BENCHMARKS = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

/**
 * Replaces only what is between the markers; the rest of the file belongs to
 * others. Formatted with the repository's Prettier, so `pnpm lint` stays clean.
 */
export async function writeSection(markdown: string, section = 'sync'): Promise<void> {
  const START = `<!-- bench:${section}:start -->`;
  const END = `<!-- bench:${section}:end -->`;
  const text = readFileSync(BENCHMARKS, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1 || end < start)
    throw new Error(`bench:${section} markers not found in docs/benchmarks.md`);
  const next = `${text.slice(0, start + START.length)}\n${markdown.trim()}\n${text.slice(end)}`;
  const options = (await prettier.resolveConfig(BENCHMARKS)) ?? {};
  writeFileSync(BENCHMARKS, await prettier.format(next, { ...options, filepath: BENCHMARKS }));
}
