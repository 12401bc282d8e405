/**
 * The map kept on this device (IndexedDB, y-indexeddb): a reload while
 * offline shows the last state, and edits made offline are stored here until
 * the provider reconnects and its sync step 2 hands them to the server.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

export interface LocalCopy {
  /** Resolves once the stored copy is in the doc: true when there was one. */
  readonly loaded: Promise<boolean>;
  /** Forgets the copy (the map was deleted or access ended). */
  clear(): void;
  destroy(): void;
}

/** null where IndexedDB doesn't exist (tests, some private modes): the doc lives in memory only. */
export function openLocalCopy(mapId: string, doc: Y.Doc): LocalCopy | null {
  if (typeof indexedDB === 'undefined') return null;
  const persistence = new IndexeddbPersistence(`journeyboard:map:${mapId}`, doc);
  return {
    loaded: persistence.whenSynced.then(
      // Any struct at all: the copy held a board (possibly with offline edits).
      () => doc.store.clients.size > 0,
      () => false,
    ),
    clear: () => void persistence.clearData(),
    destroy: () => void persistence.destroy(),
  };
}
