/** Entry point of the merge worker thread (state-merger.ts): one compaction merge per task. */
import { mergeToState } from './merge-to-state.ts';

export interface MergeTask {
  readonly updates: readonly Uint8Array[];
}

export default function merge({ updates }: MergeTask): Uint8Array {
  return mergeToState(updates);
}
