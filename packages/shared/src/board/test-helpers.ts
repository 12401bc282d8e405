import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import { applyTemplate } from './templates.ts';

/** A board made from the blank template, with its store for reading. */
export function makeBoard(): { doc: Y.Doc; store: BoardStore } {
  const doc = new Y.Doc();
  applyTemplate(doc, 'blank');
  return { doc, store: new BoardStore(doc) };
}

/** Two replicas of one board that exchange updates only when `sync()` is called. */
export function makeReplicas(): {
  a: { doc: Y.Doc; store: BoardStore };
  b: { doc: Y.Doc; store: BoardStore };
  sync: () => void;
} {
  const a = makeBoard();
  const b = { doc: new Y.Doc(), store: undefined as unknown as BoardStore };
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
  b.store = new BoardStore(b.doc);
  const sync = () => {
    const toB = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
    const toA = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
    Y.applyUpdate(b.doc, toB, 'remote');
    Y.applyUpdate(a.doc, toA, 'remote');
  };
  return { a, b, sync };
}
