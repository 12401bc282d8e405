import type * as Y from 'yjs';
import { ValueStore, type ReadableStore } from './value-store.ts';

export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** Mirrors an UndoManager's stacks as a store, so Undo/Redo buttons can disable themselves. */
export function trackHistory(undoManager: Y.UndoManager): {
  store: ReadableStore<HistoryState>;
  /** Reads the stacks again: a step can leave them without an event (an undo that only kept cards). */
  refresh: () => void;
  dispose: () => void;
} {
  const read = (): HistoryState => ({
    canUndo: undoManager.canUndo(),
    canRedo: undoManager.canRedo(),
  });
  const store = new ValueStore<HistoryState>(read());
  const refresh = () => {
    const next = read();
    store.update((current) =>
      current.canUndo === next.canUndo && current.canRedo === next.canRedo ? current : next,
    );
  };
  undoManager.on('stack-item-added', refresh);
  undoManager.on('stack-item-popped', refresh);
  undoManager.on('stack-cleared', refresh);
  return {
    store,
    refresh,
    dispose: () => {
      undoManager.off('stack-item-added', refresh);
      undoManager.off('stack-item-popped', refresh);
      undoManager.off('stack-cleared', refresh);
    },
  };
}
