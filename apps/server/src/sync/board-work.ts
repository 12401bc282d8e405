/**
 * The CPU-heavy board work — compaction's merge, describing what a new
 * version changed, comparing two boards card by card ("what changed since",
 * "compare with current state"), writing a board as a map file (the
 * export) and working out the change that rewrites a board (a restore, an
 * import into an empty map) — kept free of Prisma so that it runs in the board worker
 * (board-worker.ts, a thread) as well as inline. On a 2,000-card board each
 * reads the whole board into plain objects: 45–140 ms of CPU, during which
 * every map on the instance would stop relaying if it ran on the event loop.
 */
import * as Y from 'yjs';
import {
  boardOfFile,
  boardSearchText,
  boardToMapFile,
  diffBoards,
  readBoard,
  readBoardState,
  restoreBoard,
  summarizeChanges,
  type BoardChange,
  type MapFile,
  type MapFileBoard,
  type MapFileMeta,
} from '@journeyboard/shared/board';

/** A map's log folded into one state, and what map search finds on it. */
export interface MergedBoard {
  readonly state: Uint8Array;
  /** boardSearchText of the merged board (services/search/index-board-text.ts stores it). */
  readonly searchText: string;
}

/** What a version changed since the map's previous one (save-version.ts). */
export interface VersionChanges {
  readonly count: number;
  /** One line, e.g. "3 cards added, 1 stage renamed". */
  readonly summary: string;
}

/**
 * Integrates updates into a fresh document and encodes its full state. It
 * goes through a Y.Doc rather than only Y.mergeUpdates because integrating
 * lets Yjs garbage-collect deleted content (a moved card's old position
 * values, deleted cards' text), which mergeUpdates keeps forever. The search
 * text is read from that same document, not decoded again.
 */
export function mergeBoard(updates: readonly Uint8Array[]): MergedBoard {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(updates as Uint8Array[]));
    return { state: Y.encodeStateAsUpdate(doc), searchText: boardSearchText(readBoard(doc)) };
  } finally {
    doc.destroy();
  }
}

const EMPTY_STATE = new Uint8Array([0, 0]);

/** What changed from one board state to another (`null`: an empty board), by the diff engine. */
export function compareBoards(from: Uint8Array | null, to: Uint8Array): BoardChange[] {
  return diffBoards(readBoardState(from ?? EMPTY_STATE), readBoardState(to));
}

/** The board in `state` as a map file (docs/map-format.md). */
export function mapFileOf(state: Uint8Array, meta: MapFileMeta): MapFile {
  return boardToMapFile(readBoardState(state), meta);
}

/** `previous`: the map's newest version's state; null when it has none. */
export function describeVersion(previous: Uint8Array | null, state: Uint8Array): VersionChanges {
  const changes = compareBoards(previous, state);
  // The first version changed nothing anyone made: "39 cards added; 6 stages added…" read as if
  // someone had, against an empty board nobody ever saw. It says what the board holds.
  const summary = previous === null ? firstVersionSummary(state) : summarizeChanges(changes);
  return { count: changes.length, summary };
}

function firstVersionSummary(state: Uint8Array): string {
  const board = readBoardState(state);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `The map’s first version: ${count(board.stages.length, 'stage', 'stages')}, ${count(
    board.lanes.length,
    'lane',
    'lanes',
  )}, ${count(board.cards.size, 'card', 'cards')}`;
}

/** What a board is rewritten to: a version's state (a restore) or a map file's board (an import). */
export type RewriteTarget = { readonly version: Uint8Array } | { readonly file: MapFileBoard };

/**
 * The change that turns the board in `current` into `target`, as one Yjs
 * update (restoreBoard: only what differs is written), for the live
 * document to apply. null: the version's state is not a board.
 */
export function rewriteBoard(current: Uint8Array, target: RewriteTarget): Uint8Array | null {
  const board = 'version' in target ? readBoardState(target.version) : boardOfFile(target.file);
  if (board.schemaVersion === 0) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, current);
    const before = Y.encodeStateVector(doc);
    restoreBoard(doc, board, null);
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}

/** The board work, inline or on the board worker (board-worker-pool.ts). */
export interface BoardWork {
  readonly merge: (updates: readonly Uint8Array[]) => Promise<MergedBoard>;
  readonly describeVersion: (
    previous: Uint8Array | null,
    state: Uint8Array,
  ) => Promise<VersionChanges>;
  readonly compare: (from: Uint8Array | null, to: Uint8Array) => Promise<BoardChange[]>;
  readonly mapFile: (state: Uint8Array, meta: MapFileMeta) => Promise<MapFile>;
  readonly rewrite: (current: Uint8Array, target: RewriteTarget) => Promise<Uint8Array | null>;
}

/** On the caller's thread: tests, scripts, and a server whose persistence is injected. */
export const inlineBoardWork: BoardWork = {
  merge: async (updates) => mergeBoard(updates),
  describeVersion: async (previous, state) => describeVersion(previous, state),
  compare: async (from, to) => compareBoards(from, to),
  mapFile: async (state, meta) => mapFileOf(state, meta),
  rewrite: async (current, target) => rewriteBoard(current, target),
};
