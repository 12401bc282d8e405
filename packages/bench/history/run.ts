/**
 * pnpm bench:history — version history costs. Rewrites the history section
 * of docs/benchmarks.md.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  measureActivityNames,
  measureDiff,
  measureDiffEventLoop,
  measureRestoreEventLoop,
} from './diff.ts';
import { measureColdLoad, measureStorage } from './storage.ts';
import { renderHistoryReport, writeHistoryReport } from './report.ts';

const docs = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
const startLoad = loadavg()[0]!;
const diff = measureDiff();
console.log(diff);
const diffEventLoop = await measureDiffEventLoop();
console.log(diffEventLoop);
const restore = await measureRestoreEventLoop();
console.log(restore);
const activityNames = measureActivityNames();
console.log(activityNames);
const storage = await measureStorage();
console.log(storage);
const coldLoad = await measureColdLoad().catch((error: unknown) => ({
  failed: error instanceof Error ? error.message.split('\n')[0]! : String(error),
}));
console.log(coldLoad);
await writeHistoryReport(
  docs,
  renderHistoryReport({
    diff,
    diffEventLoop,
    restore,
    activityNames,
    storage,
    coldLoad,
    startLoad,
  }),
);
