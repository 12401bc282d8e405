/** Entry point of the board worker thread (board-worker-pool.ts): one task per call, by export name. */
import {
  describeVersion as describe,
  mergeBoard,
  type MergedBoard,
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
