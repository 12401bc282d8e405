/**
 * pnpm bench:history — version history costs. Rewrites the history section
 * of docs/benchmarks.md.
 */
import { fileURLToPath } from 'node:url';
import { measureDiff } from './diff.ts';
import { renderHistoryReport, writeHistoryReport } from './report.ts';

const docs = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
const diff = measureDiff();
console.log(diff);
await writeHistoryReport(docs, renderHistoryReport({ diff }));
