/**
 * Whole-board states as bytes (a version, a snapshot) ↔ the typed model.
 * Versions are stored as `Y.encodeStateAsUpdate` of a normal, garbage-
 * collected document: a state can be read back as it was, but not "rewound"
 * — which is all a version needs (see docs/architecture.md, "History").
 */
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import type { BoardSnapshot } from './types.ts';

/** The typed board in a stored state (a version's or a snapshot's bytes). */
export function readBoardState(state: Uint8Array): BoardSnapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const store = new BoardStore(doc);
    const snapshot = store.getSnapshot();
    store.destroy();
    return snapshot;
  } finally {
    doc.destroy();
  }
}

/** The typed board of a live document, right now. */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const store = new BoardStore(doc);
  const snapshot = store.getSnapshot();
  store.destroy();
  return snapshot;
}

/** A document's whole state, as stored for a version. */
export function encodeBoardState(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}
