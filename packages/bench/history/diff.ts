/**
 * Diff between two versions of a 2,000-card map (target ≤ 300 ms): both
 * versions' stored states are read back into the typed board model and
 * compared — what GET /api/maps/:id/changes does for two version ids.
 */
import {
  addCard,
  addStage,
  addLane,
  deleteCard,
  diffBoards,
  encodeBoardState,
  initBoard,
  moveCard,
  namesOf,
  readBoard,
  readBoardOutline,
  readBoardState,
  renameStage,
  restoreBoard,
  setCardText,
  setEmotion,
  updateCard,
  type BoardChange,
} from '@journeyboard/shared/board';
import * as Y from 'yjs';
import { createBoardWorkerPool } from '../../../apps/server/src/sync/board-worker-pool.ts';

export interface DiffMeasurement {
  readonly cards: number;
  readonly changes: number;
  readonly stateBytes: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** 12 stages × 8 lanes, `cards` cards spread over the cells, some emotion scores. */
function buildBoard(cards: number): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc); // a board's format version: a restore refuses a document without one
  const stages = Array.from({ length: 12 }, (_, i) => addStage(doc, { title: `Stage ${i + 1}` }));
  const lanes = Array.from({ length: 8 }, (_, i) =>
    addLane(doc, { title: `Lane ${i + 1}`, kind: i === 2 ? 'pain' : 'notes' }),
  );
  for (let i = 0; i < cards; i++) {
    addCard(doc, {
      stageId: stages[i % stages.length]!,
      laneId: lanes[Math.floor(i / stages.length) % lanes.length]!,
      text: `Card ${i}: the customer does something worth writing down`,
    });
  }
  for (const stageId of stages) setEmotion(doc, { stageId, laneId: lanes[0]!, score: 0 });
  return doc;
}

/** A workshop's worth of edits: 5 % of the cards changed one way or another. */
function editBoard(doc: Y.Doc): void {
  const board = readBoard(doc);
  const cards = [...board.cards.values()];
  const stages = board.stages;
  for (let i = 0; i < cards.length; i += 20) {
    const card = cards[i]!;
    switch ((i / 20) % 5) {
      case 0:
        setCardText(doc, card.id, `${card.text} (revised)`);
        break;
      case 1:
        moveCard(doc, card.id, {
          stageId: stages[(i + 1) % stages.length]!.id,
          laneId: card.laneId,
        });
        break;
      case 2:
        updateCard(doc, card.id, { severity: 3, color: 'red' });
        break;
      case 3:
        deleteCard(doc, card.id);
        break;
      default:
        addCard(doc, { stageId: card.stageId, laneId: card.laneId, text: `New ${i}` });
    }
  }
  renameStage(doc, stages[0]!.id, 'Discover');
  setEmotion(doc, { stageId: stages[1]!.id, laneId: board.lanes[0]!.id, score: -2 });
}

/** The two versions' states: a board of `cards` cards, then a workshop's worth of edits. */
function twoVersions(cards: number): { from: Uint8Array; to: Uint8Array } {
  const doc = buildBoard(cards);
  const from = encodeBoardState(doc);
  editBoard(doc);
  return { from, to: encodeBoardState(doc) };
}

export function measureDiff(cards = 2_000, runs = 15): DiffMeasurement {
  const { from, to } = twoVersions(cards);
  const times: number[] = [];
  let changes: BoardChange[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const start = performance.now();
    changes = diffBoards(readBoardState(from), readBoardState(to));
    const elapsed = performance.now() - start;
    if (run >= 2) times.push(elapsed); // the first runs warm up the JIT
  }
  times.sort((a, b) => a - b);
  return {
    cards,
    changes: changes.length,
    stateBytes: to.byteLength,
    medianMs: times[Math.floor(times.length / 2)]!,
    maxMs: times[times.length - 1]!,
    runs,
  };
}

export interface EventLoopMeasurement {
  /** Median over the runs of the longest time the event loop was held during one run. */
  readonly medianBlockMs: number;
  readonly maxBlockMs: number;
  readonly runs: number;
}

/**
 * How long the server's event loop is held while it answers that question —
 * the time every map on the instance stops relaying. The server compares the
 * boards on its board worker (board-worker-pool.ts); the event loop only
 * hands the two states over and takes the changes back. Measured with a
 * 1-ms timer: the longest gap between its ticks during one comparison.
 */
export async function measureDiffEventLoop(
  cards = 2_000,
  runs = 15,
): Promise<EventLoopMeasurement> {
  const { from, to } = twoVersions(cards);
  const pool = createBoardWorkerPool();
  try {
    return await measureHolds(
      runs,
      () => null,
      () => pool.compare(from, to),
    );
  } finally {
    await pool.close();
  }
}

export interface RestoreMeasurement {
  /** The restore as the server made it before 2026-12-05: read, diff and write on the event loop. */
  readonly inline: EventLoopMeasurement;
  /** As it makes it now: worked out on the board worker, one update applied on the event loop. */
  readonly worker: EventLoopMeasurement;
}

/**
 * How long the event loop is held while a version of a `cards`-card map is
 * restored onto the live board (services/history/restore-version.ts): the
 * board is at the second version, the first is restored.
 */
export async function measureRestoreEventLoop(
  cards = 2_000,
  runs = 15,
): Promise<RestoreMeasurement> {
  const { from, to } = twoVersions(cards);
  const liveBoard = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, to);
    return doc;
  };
  const inline = await measureHolds(runs, liveBoard, async (doc) =>
    restoreBoard(doc, readBoardState(from), 'restore'),
  );
  const pool = createBoardWorkerPool();
  try {
    const worker = await measureHolds(runs, liveBoard, async (doc) => {
      const update = await pool.rewrite(encodeBoardState(doc), { version: from });
      Y.applyUpdate(doc, update!, 'restore');
    });
    return { inline, worker };
  } finally {
    await pool.close();
  }
}

/**
 * The longest hold of the event loop during each of `runs` runs of `work`
 * (each on what `setUp` prepared, outside the measure), after two runs that
 * warm up the JIT and start the worker thread.
 */
async function measureHolds<T>(
  runs: number,
  setUp: () => T,
  work: (input: T) => Promise<unknown>,
): Promise<EventLoopMeasurement> {
  const blocks: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const input = setUp();
    const block = await longestBlockDuring(() => work(input));
    if (run >= 2) blocks.push(block);
  }
  return summarise(blocks, runs);
}

function summarise(blocks: number[], runs: number): EventLoopMeasurement {
  blocks.sort((a, b) => a - b);
  return {
    medianBlockMs: blocks[Math.floor(blocks.length / 2)]!,
    maxBlockMs: blocks[blocks.length - 1]!,
    runs,
  };
}

/**
 * Stage and lane names for the activity feed's sentences on a board of
 * `cards` cards: the outline alone (`readBoardOutline`), what
 * GET /api/maps/:id/activity reads, on the event loop.
 */
export function measureActivityNames(cards = 2_000, runs = 15): EventLoopMeasurement {
  const doc = buildBoard(cards);
  const times: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const start = performance.now();
    namesOf(readBoardOutline(doc));
    if (run >= 2) times.push(performance.now() - start);
  }
  return summarise(times, runs);
}

async function longestBlockDuring(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, performance.now() - last);
}
