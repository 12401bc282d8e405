/**
 * The map kept on this device (IndexedDB): a reload while offline shows the
 * last state, and edits made offline are stored here until the provider
 * reconnects and its sync step 2 hands them to the server.
 *
 * Two things live in the map's database:
 * - the document's updates, kept by y-indexeddb (the store `updates`);
 * - a preview (`custom`/`board-preview`): the board's snapshot as JSON, and
 *   the last update it covers. Decoding the document takes Yjs ~100 ms at
 *   1,000 cards; the board is drawn from the preview first, and the document
 *   is decoded once that frame is painted (issue #14, first render). A preview
 *   with any update after it is not used: the board then waits for Yjs.
 */
import { snapshotFromJson, snapshotToJson, type BoardSnapshot } from '@journeyboard/shared/board';
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { deviceCopyName, forgetDeviceCopy } from '../offline/device-copies.ts';
import type { UnsentCard, UnsentCardsKeeper } from './offline-edits.ts';

export const DEVICE_COPY_DECODED_MARK = 'journeyboard:device-copy-decoded';

export interface LocalCopy {
  /** The board as last kept here, when no update came after it; null otherwise. Resolves first. */
  readonly preview: Promise<BoardSnapshot | null>;
  /** Resolves once the stored copy is in the doc: true when there was one. */
  readonly loaded: Promise<boolean>;
  /**
   * Keeps the preview in step with the board: a few seconds after a change,
   * and when the page is hidden. Returns the function that stops it.
   */
  keepPreview(board: { getSnapshot(): BoardSnapshot }, subscribe: Subscribe): () => void;
  /** The cards changed here since the server last confirmed a sync (offline-edits.ts). */
  readonly unsent: UnsentCardsKeeper;
  /** Forgets the copy (the map was deleted or access ended). */
  clear(): void;
  destroy(): void;
}

type Subscribe = (listener: () => void) => () => void;

const UPDATES = 'updates';
const CUSTOM = 'custom';
const PREVIEW_KEY = 'board-preview';
const UNSENT_KEY = 'unsent-cards';
/** A preview is kept this long after a change (~5 ms and one write at 1,000 cards). */
const KEEP_AFTER_MS = 1_000;
/** Reading more updates than this after a preview: it is out of date anyway. */
const LATER_UPDATES_READ = 16;
/** What y-indexeddb stores at each load of an empty doc: no change to the board. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

interface StoredPreview {
  readonly json: string;
  /** The key of the last update in `updates` when the preview was kept. */
  readonly upTo: number;
}

/** The same stores y-indexeddb creates, so that whichever of us opens the database first, it works. */
const openDatabase = (name: string) =>
  idb.openDB(name, (db) => idb.createStores(db, [[UPDATES, { autoIncrement: true }], [CUSTOM]]));

/** The updates and custom stores, in one transaction. */
const transactBoth = (db: IDBDatabase, access: 'readonly' | 'readwrite') =>
  idb.transact(db, [UPDATES, CUSTOM], access) as [IDBObjectStore, IDBObjectStore];

const isEmptyUpdate = (update: unknown) =>
  update instanceof Uint8Array &&
  update.length === EMPTY_UPDATE.length &&
  update.every((byte, index) => byte === EMPTY_UPDATE[index]);

async function readPreview(db: IDBDatabase): Promise<BoardSnapshot | null> {
  const [updates, custom] = transactBoth(db, 'readonly');
  const kept = (await idb.get(custom, PREVIEW_KEY)) as Partial<StoredPreview> | undefined;
  if (typeof kept?.json !== 'string' || typeof kept.upTo !== 'number') return null;
  const later = await idb.getAll(
    updates,
    idb.createIDBKeyRangeLowerBound(kept.upTo, true),
    LATER_UPDATES_READ,
  );
  if (later.length === LATER_UPDATES_READ || !later.every(isEmptyUpdate)) return null;
  return snapshotFromJson(kept.json);
}

function writePreview(db: IDBDatabase, snapshot: BoardSnapshot): void {
  if (snapshot.stages.length === 0) return;
  const json = snapshotToJson(snapshot);
  // Created now, this transaction runs after every update y-indexeddb has
  // queued so far (IndexedDB orders overlapping transactions as created): the
  // last key it reads is the last update this snapshot reflects.
  const [updates, custom] = transactBoth(db, 'readwrite');
  void idb
    .getLastKey(updates)
    .then((upTo: unknown) => {
      if (typeof upTo !== 'number') return;
      const kept: StoredPreview = { json, upTo };
      // (lib0's `put` is typed for plain values; this record is an object.)
      return idb.rtop(custom.put(kept, PREVIEW_KEY));
    })
    .catch(() => {});
}

/** What was kept, as far as it still reads as cards (an older release's, or a damaged record: nothing). */
function readUnsent(kept: unknown): readonly UnsentCard[] {
  if (typeof kept !== 'string') return [];
  try {
    const entries: unknown = JSON.parse(kept);
    return Array.isArray(entries) ? entries.filter(isUnsentCard) : [];
  } catch {
    return [];
  }
}

const isUnsentCard = (entry: unknown): entry is UnsentCard => {
  const card = (entry as { card?: Record<string, unknown> } | null)?.card;
  return (
    typeof card === 'object' &&
    card !== null &&
    ['id', 'text', 'stageId', 'laneId', 'order'].every((key) => typeof card[key] === 'string') &&
    ['undefined', 'string'].includes(typeof (entry as { textBefore?: unknown }).textBefore)
  );
};

/** Runs `run` when the page is idle (Safari has no requestIdleCallback: soon, then). */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1_000 });
  else setTimeout(run, 0);
}

/**
 * Runs `run` once the frame now being prepared is painted (at once in a
 * hidden page, which paints nothing).
 */
function afterNextPaint(run: () => void): void {
  if (document.visibilityState === 'hidden') run();
  else requestAnimationFrame(() => setTimeout(run, 0));
}

/** null where IndexedDB doesn't exist (tests, some private modes): the doc lives in memory only. */
export function openLocalCopy(mapId: string, doc: Y.Doc): LocalCopy | null {
  if (typeof indexedDB === 'undefined') return null;
  const name = deviceCopyName(mapId);
  let ended = false;
  let persistence: IndexeddbPersistence | null = null;
  const database = openDatabase(name).catch(() => null);
  const preview = database.then((db) => (db ? readPreview(db) : null)).catch(() => null);
  const loaded = preview.then(
    (shown) =>
      new Promise<boolean>((resolve) => {
        const start = () => {
          if (ended) return resolve(false);
          persistence = new IndexeddbPersistence(name, doc);
          persistence.whenSynced.then(
            () => {
              // For profiles: when the board became its document (the benchmark prints it).
              performance.mark(DEVICE_COPY_DECODED_MARK);
              // Any struct at all: the copy held a board (possibly with offline edits).
              resolve(doc.store.clients.size > 0);
            },
            () => resolve(false),
          );
        };
        if (shown) afterNextPaint(start);
        else start();
      }),
  );

  const end = () => {
    ended = true;
    void persistence?.destroy();
    void database.then((db) => db?.close());
  };
  return {
    preview,
    loaded,
    keepPreview: (board, subscribe) => {
      let stopped = false;
      // A preview that matches the copy exists (shown at load, or kept since).
      let upToDate = false;
      let due = false;
      const keep = () => {
        if (!due || stopped || ended) return;
        due = false;
        upToDate = true;
        void database.then((db) => db && !ended && writePreview(db, board.getSnapshot()));
      };
      // Without an up-to-date preview (a first visit, or one out of date), one
      // is kept at the next idle moment; then a second after a change, at most
      // once a second while the board keeps changing.
      const keepSoon = () => {
        if (due) return;
        due = true;
        setTimeout(() => whenIdle(keep), upToDate ? KEEP_AFTER_MS : 0);
      };
      // Loading the copy itself is no change: the document is kept from then on.
      let copyLoaded = false;
      void loaded.then(async (found) => {
        copyLoaded = true;
        upToDate = (await preview) !== null;
        if (found && !upToDate) keepSoon();
      });
      const stop = subscribe(() => copyLoaded && keepSoon());
      // Leaving with a change not yet kept (another tab, a reload): keep it now.
      const onHidden = () => document.visibilityState === 'hidden' && keep();
      document.addEventListener('visibilitychange', onHidden);
      return () => {
        stopped = true;
        stop();
        document.removeEventListener('visibilitychange', onHidden);
      };
    },
    unsent: {
      read: async () => {
        const db = await database;
        if (!db || ended) return [];
        const [, custom] = transactBoth(db, 'readonly');
        return readUnsent(await idb.get(custom, UNSENT_KEY).catch(() => undefined));
      },
      write: (cards) => {
        void database
          .then((db) => {
            if (!db || ended) return;
            const [, custom] = transactBoth(db, 'readwrite');
            return cards.length === 0
              ? idb.del(custom, UNSENT_KEY)
              : idb.put(custom, JSON.stringify(cards), UNSENT_KEY);
          })
          .catch(() => {});
      },
    },
    clear: () => {
      end();
      void forgetDeviceCopy(mapId);
    },
    destroy: end,
  };
}
