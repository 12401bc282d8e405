/** Entry point of the board worker thread (board-worker-pool.ts): one task per call, by export name. */
import type { BoardChange, MapFile, MapFileMeta } from '@journeyboard/shared/board';
import {
  compareBoards,
  mapFileOf,
  describeVersion as describe,
  mergeBoard,
  rewriteBoard,
  type MergedBoard,
  type RewriteTarget,
  type VersionChanges,
} from './board-work.ts';

export interface MergeTask {
  readonly updates: readonly Uint8Array[];
}

export interface DescribeVersionTask {
  readonly previous: Uint8Array | null;
  readonly state: Uint8Array;
}

export function merge({ updates }: MergeTask): MergedBoard {
  return mergeBoard(updates);
}

export function describeVersion({ previous, state }: DescribeVersionTask): VersionChanges {
  return describe(previous, state);
}

export interface CompareTask {
  readonly from: Uint8Array | null;
  readonly to: Uint8Array;
}

export function compare({ from, to }: CompareTask): BoardChange[] {
  return compareBoards(from, to);
}

export interface MapFileTask {
  readonly state: Uint8Array;
  readonly meta: MapFileMeta;
}

export function mapFile({ state, meta }: MapFileTask): MapFile {
  return mapFileOf(state, meta);
}

export interface RewriteTask {
  readonly current: Uint8Array;
  readonly target: RewriteTarget;
}

export function rewrite({ current, target }: RewriteTask): Uint8Array | null {
  return rewriteBoard(current, target);
}
