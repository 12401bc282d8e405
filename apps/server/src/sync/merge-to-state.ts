/**
 * The CPU-heavy half of compaction, kept free of Prisma so that it can run in
 * the merge worker (merge-worker.ts) as well as inline.
 */
import * as Y from 'yjs';

/**
 * Integrates updates into a fresh document and encodes its full state. It
 * goes through a Y.Doc rather than only Y.mergeUpdates because integrating
 * lets Yjs garbage-collect deleted content (a moved card's old position
 * values, deleted cards' text), which mergeUpdates keeps forever.
 */
export function mergeToState(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(updates as Uint8Array[]));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** How compaction merges: inline, or off the event loop (state-merger.ts). */
export type MergeUpdates = (updates: readonly Uint8Array[]) => Promise<Uint8Array>;

export const mergeInline: MergeUpdates = (updates) => Promise.resolve(mergeToState(updates));
