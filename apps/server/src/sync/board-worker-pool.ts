/**
 * The board work (board-work.ts) off the event loop. Folding a 2,000-card
 * board's log into its snapshot integrates the whole board into a fresh
 * Y.Doc — 400–800 ms of pure CPU on this project's 2-core machines — and
 * reading it for map search, for a version's summary, for comparing two
 * boards, for an export or to work out a restore is another 45–140 ms
 * each; meanwhile every map on the instance would stop relaying. A worker
 * thread (one, through piscina) does it instead; the event loop only waits
 * for the answer.
 *
 * One thread is enough: this work is rare (a compaction at most every
 * SYNC_COMPACT_MIN_INTERVAL_MS per map, a version when a map goes idle or
 * someone saves one, a comparison or an export when someone asks) and a
 * second core is better spent on the event loop.
 * The thread starts on the first task and ends after ten minutes without one
 * (starting it costs ~0.3 s of CPU, so a busy server keeps it).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { BoardChange, MapFile } from '@journeyboard/shared/board';
import type { BoardWork, MergedBoard, VersionChanges } from './board-work.ts';
import type {
  CompareTask,
  DescribeVersionTask,
  MapFileTask,
  MergeTask,
  RewriteTask,
} from './board-worker.ts';

export interface BoardWorkerPool extends BoardWork {
  /**
   * Starts the thread if it isn't running (call when a board opens): its
   * start-up then happens while the board loads, not in the middle of a busy
   * map's first compaction.
   */
  warm(): void;
  /** Waits for running tasks, then ends the thread. */
  close(): Promise<void>;
}

const IDLE_THREAD_MS = 10 * 60_000;
/** A valid update with nothing in it (an empty Y.Doc's state). */
const EMPTY_DOCUMENT = Uint8Array.from([0, 0]);

export function createBoardWorkerPool(): BoardWorkerPool {
  // Built (scripts/build.mjs), this code is bundled into dist/main.js and the
  // worker is dist/board-worker.js beside it. From source (`pnpm dev`, tests)
  // it is TypeScript run through tsx, which a worker thread registers itself.
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina<
    MergeTask | DescribeVersionTask | CompareTask | MapFileTask | RewriteTask,
    MergedBoard | VersionChanges | BoardChange[] | MapFile | Uint8Array | null
  >({
    filename: new URL(fromSource ? './board-worker.ts' : './board-worker.js', import.meta.url).href,
    // The thread loads this export when it starts (the file has no default export).
    name: 'merge',
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: IDLE_THREAD_MS,
    execArgv: fromSource ? ['--import', tsxLoader()] : [],
  });
  const merge = (updates: readonly Uint8Array[]) =>
    pool.run({ updates } satisfies MergeTask, { name: 'merge' }) as Promise<MergedBoard>;
  return {
    merge,
    describeVersion: (previous, state) =>
      pool.run({ previous, state } satisfies DescribeVersionTask, {
        name: 'describeVersion',
      }) as Promise<VersionChanges>,
    compare: (from, to) =>
      pool.run({ from, to } satisfies CompareTask, { name: 'compare' }) as Promise<BoardChange[]>,
    mapFile: (state, meta) =>
      pool.run({ state, meta } satisfies MapFileTask, { name: 'mapFile' }) as Promise<MapFile>,
    rewrite: (current, target) =>
      pool.run({ current, target } satisfies RewriteTask, {
        name: 'rewrite',
      }) as Promise<Uint8Array | null>,
    warm: () => {
      if (pool.threads.length > 0 || pool.queueSize > 0) return;
      merge([EMPTY_DOCUMENT]).catch(() => undefined);
    },
    close: () => pool.close(),
  };
}

function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}
