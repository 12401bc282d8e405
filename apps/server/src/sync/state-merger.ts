/**
 * Compaction merges off the event loop. Folding a 2,000-card board's log into
 * its snapshot integrates the whole board into a fresh Y.Doc: 400–800 ms of
 * pure CPU on this project's 2-core machines, during which every map on the
 * instance would stop relaying. A worker thread (one, through piscina) does
 * it instead; the event loop only waits for the answer.
 *
 * One thread is enough: compactions are rare (a map at most every
 * SYNC_COMPACT_MIN_INTERVAL_MS, plus once when it goes idle) and a second
 * core is better spent on the event loop. The thread starts on the first
 * compaction and ends after ten minutes without one (starting it costs
 * ~0.3 s of CPU, so a busy server keeps it).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { MergeUpdates } from './merge-to-state.ts';
import type { MergeTask } from './merge-worker.ts';

export interface StateMerger {
  readonly merge: MergeUpdates;
  /**
   * Starts the thread if it isn't running (call when a board opens): its
   * start-up then happens while the board loads, not in the middle of a busy
   * map's first compaction.
   */
  warm(): void;
  /** Waits for running merges, then ends the thread. */
  close(): Promise<void>;
}

const IDLE_THREAD_MS = 10 * 60_000;
/** A valid update with nothing in it (an empty Y.Doc's state). */
const EMPTY_DOCUMENT = Uint8Array.from([0, 0]);

export function createStateMerger(): StateMerger {
  // Built (scripts/build.mjs), this code is bundled into dist/main.js and the
  // worker is dist/merge-worker.js beside it. From source (`pnpm dev`, tests)
  // it is TypeScript run through tsx, which a worker thread registers itself.
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina<MergeTask, Uint8Array>({
    filename: new URL(fromSource ? './merge-worker.ts' : './merge-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: IDLE_THREAD_MS,
    execArgv: fromSource ? ['--import', tsxLoader()] : [],
  });
  return {
    merge: (updates) => pool.run({ updates }),
    warm: () => {
      if (pool.threads.length > 0 || pool.queueSize > 0) return;
      pool.run({ updates: [EMPTY_DOCUMENT] }).catch(() => undefined);
    },
    close: () => pool.close(),
  };
}

function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}
