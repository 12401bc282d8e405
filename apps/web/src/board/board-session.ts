import type { MapAction } from '@journeyboard/shared';
import {
  BoardStore,
  createUndoManager,
  type BoardSnapshot,
  type KeptByUndo,
} from '@journeyboard/shared/board';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createBoardActions, type BoardActions } from './board-actions.ts';
import { trackConnection, type ConnectionState, type ReconnectSchedule } from './connection.ts';
import { jitteredWebSocket } from './jittered-websocket.ts';
import { showDevicePreview } from './device-preview.ts';
import { openLocalCopy, type LocalCopy } from './local-copy.ts';
import {
  reannounceOnConnect,
  sendOwnPresenceOnly,
  takeOthersBackOnConnect,
} from './own-presence-only.ts';
import { trackServerCapabilities } from './server-capabilities.ts';
import { hearRefusedWrites } from './refused-writes.ts';
import { noUnsavedChanges, watchUnsavedChanges, type UnsavedChanges } from './unsaved-changes.ts';
import { trackHistory, type HistoryState } from './history.ts';
import {
  watchOfflineEdits,
  type LostCard,
  type MergedText,
  type OfflineEdits,
} from './offline-edits.ts';
import { PresenceStore } from '../presence/presence-store.ts';
import type { PresenceIdentity } from '../presence/local-identity.ts';
import { ValueStore, type ReadableStore } from './value-store.ts';

export type { BoardActions } from './board-actions.ts';

/**
 * One open board: the Y.Doc (single source of truth), its read model
 * (BoardStore snapshots), the local undo history, the typed actions and the
 * connection status. React reaches it only through src/board/use-board.ts.
 */
export interface BoardSession {
  /** Read side, for use-board.ts only. */
  readonly store: BoardStore;
  readonly connection: ReadableStore<ConnectionState>;
  readonly history: ReadableStore<HistoryState>;
  readonly actions: BoardActions;
  /** Cursors, selections, follow (src/presence); null without a server. */
  readonly presence: PresenceStore | null;
  /**
   * What the sync server says this connection may do (server-capabilities.ts);
   * null until it has spoken, and always without a server. The board page
   * offers what this says (falling back to the map's REST capabilities).
   */
  readonly capabilities: ReadableStore<readonly MapAction[] | null>;
  /**
   * Cards this person changed away from the server that someone deleted
   * meanwhile, or whose stage or lane they deleted (offline-edits.ts); always
   * none without a server.
   */
  readonly offlineEdits: Pick<
    OfflineEdits,
    'lost' | 'dismiss' | 'merged' | 'dismissMerged' | 'notShownNow'
  >;
  /**
   * What this person's last undo or redo kept instead of deleting: cards
   * others have changed since, stages and lanes cards still sit in
   * (createUndoManager).
   */
  readonly undoKept: { readonly kept: ReadableStore<KeptByUndo>; dismiss: () => void };
  /**
   * Changes the session before this one had and the server refused to save
   * (this person may no longer edit: unsaved-changes.ts); none otherwise.
   */
  readonly unsavedChanges: Pick<UnsavedChanges, 'lines' | 'dismiss'>;
  /** The whole board as it is now, as bytes (to compare a version with "now"). */
  readonly encodeState: () => Uint8Array;
  readonly destroy: () => void;
}

export interface BoardSessionOptions {
  /** Syncs the doc with the server; without one the session is local only (tests, previews). */
  provider?: WebsocketProvider;
  /** The copy of the board stored on this device (local-copy.ts). */
  localCopy?: LocalCopy;
  /** When the provider's next connection attempt opens (jittered-websocket.ts). */
  reconnects?: ReconnectSchedule;
  /** Who is signed in, for this person's own presence (presence-store.ts). */
  identity?: PresenceIdentity | null;
  /**
   * The board as a session before this one had it when the server refused its
   * changes: once this one is live, what that board has over the server's is
   * listed (`unsavedChanges`).
   */
  unsaved?: BoardSnapshot;
  /**
   * Cards that session's person changed and someone else deleted meanwhile:
   * in neither board, so only this names them among what was not saved.
   */
  unsavedDeletedMeanwhile?: readonly LostCard[];
}

/** Wraps an existing doc. Tests pass a plain Y.Doc and no provider. */
export function createBoardSession(doc: Y.Doc, options: BoardSessionOptions = {}): BoardSession {
  const store = new BoardStore(doc);
  const undoKept = new ValueStore<KeptByUndo>(NOTHING_KEPT);
  const undoManager = createUndoManager(doc, {
    onKept: (kept) => {
      // Each undo or redo replaces what the last one kept; most keep nothing.
      if (keptAnything(kept) || keptAnything(undoKept.getSnapshot())) undoKept.set(kept);
      history.refresh();
    },
  });
  const history = trackHistory(undoManager);
  // Whatever the person does next supersedes the notice: "Delete it anyway"
  // must not act on a choice long past.
  const stopClearingKept = store.subscribeOwnChanges(() => {
    if (keptAnything(undoKept.getSnapshot())) undoKept.set(NOTHING_KEPT);
  });
  const allActions = createBoardActions(doc, store, undoManager);
  // From this device's copy: its preview first, then the decoded document.
  const fromDevice = options.localCopy
    ? showDevicePreview(store, options.localCopy, allActions)
    : null;
  const stopKeepingPreview = options.localCopy?.keepPreview(store, store.subscribe);
  const connection = options.provider
    ? trackConnection(options.provider, {
        ...(fromDevice ? { localCopy: fromDevice.shown } : {}),
        ...(options.reconnects ? { reconnects: options.reconnects } : {}),
      })
    : {
        store: new ValueStore<ConnectionState>({
          status: 'local',
          hasSynced: true,
          pendingChanges: 0,
          nextAttemptAt: null,
        }),
        dispose: () => {},
      };

  const offlineEdits = options.provider
    ? watchOfflineEdits(store, connection.store, options.localCopy?.unsent)
    : null;
  const actions = listMergedSaves(fromDevice?.actions ?? allActions, store, offlineEdits);
  const unsavedChanges =
    options.provider && options.unsaved
      ? watchUnsavedChanges(
          store,
          connection.store,
          options.unsaved,
          options.unsavedDeletedMeanwhile,
        )
      : noUnsavedChanges();
  const presence = options.provider
    ? new PresenceStore(options.provider.awareness, { identity: options.identity ?? null })
    : null;

  return {
    store,
    connection: connection.store,
    history: history.store,
    actions,
    presence,
    offlineEdits: offlineEdits ?? {
      lost: new ValueStore<readonly LostCard[]>([]),
      dismiss: () => {},
      merged: new ValueStore<readonly MergedText[]>([]),
      dismissMerged: () => {},
      notShownNow: () => [],
    },
    undoKept: { kept: undoKept, dismiss: () => undoKept.set(NOTHING_KEPT) },
    unsavedChanges,
    capabilities: options.provider
      ? trackServerCapabilities(options.provider, {
          onColor: (color) => presence?.adoptColor(color),
        })
      : new ValueStore<readonly MapAction[] | null>(null),
    encodeState: () => Y.encodeStateAsUpdate(doc),
    destroy: () => {
      stopKeepingPreview?.();
      offlineEdits?.dispose();
      unsavedChanges.dispose();
      presence?.destroy();
      connection.dispose();
      options.provider?.destroy();
      history.dispose();
      stopClearingKept();
      undoManager.destroy();
      store.destroy();
    },
  };
}

const NOTHING_KEPT: KeptByUndo = { cards: [], texts: [], stages: [], lanes: [] };
const keptAnything = ({ cards, texts, stages, lanes }: KeptByUndo) =>
  cards.length + texts.length + stages.length + lanes.length > 0;

/** `ws(s)://<this host>/sync` — the sync server shares the page's origin. */
export function syncServerUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** How long the socket waits for the device's copy of the board (connectBoardSession). */
const LOCAL_COPY_WAIT_MS = 500;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ConnectOptions {
  serverUrl?: string;
  /** For tests: a stand-in for the browser's WebSocket. */
  WebSocketPolyfill?: typeof WebSocket;
  /**
   * A share-link token: sent as a WebSocket subprotocol beside `journeyboard`
   * (never in the URL). Accounts and workshop guests use their cookie instead.
   */
  shareToken?: string;
  /** Who is signed in (the `me` query's answer, local-identity.ts), for this person's presence. */
  identity?: PresenceIdentity;
  /**
   * The server refused changes this session sent: this person may no longer
   * edit the map (a viewer or commenter now), so they will never be saved.
   * By then the copy on this device is forgotten; called with the board as
   * this session has it, to open a fresh session (`unsaved`) that loads the
   * server's board and names what was lost. Without it, nothing happens.
   */
  onWritesRefused?: (board: BoardSnapshot, deletedMeanwhile: readonly LostCard[]) => void;
  /** See BoardSessionOptions.unsaved. */
  unsaved?: BoardSnapshot;
  /** See BoardSessionOptions.unsavedDeletedMeanwhile. */
  unsavedDeletedMeanwhile?: readonly LostCard[];
}

/**
 * Opens a map's live board: a fresh Y.Doc synced over /sync/<mapId>. The
 * server owns the initial board, so the doc starts empty and this client
 * never seeds it.
 */
export function connectBoardSession(mapId: string, options: ConnectOptions = {}): BoardSession {
  const doc = new Y.Doc();
  const localCopy = openLocalCopy(mapId, doc);
  // The provider is created below; the socket factory reads its attempt counter later.
  let attempts = () => 0;
  // Reconnect timing lives in the socket factory (jittered-websocket.ts), not the provider.
  const sockets = jitteredWebSocket({
    attempts: () => attempts(),
    maxBackoffMs: 5_000,
    ...(options.WebSocketPolyfill ? { WebSocketImpl: options.WebSocketPolyfill } : {}),
  });
  const provider = new WebsocketProvider(options.serverUrl ?? syncServerUrl(), mapId, doc, {
    // Tabs sync through the server, never behind its back.
    disableBc: true,
    // Opened later (below): React's StrictMode mounts, unmounts and mounts
    // again synchronously in development, and the first session should die
    // without ever opening a socket.
    connect: false,
    maxBackoffTime: 0,
    ...(options.shareToken ? { protocols: ['journeyboard', options.shareToken] } : {}),
    // Backoff with jitter, so reconnects spread out after a server restart.
    WebSocketPolyfill: sockets.WebSocket,
  });
  attempts = () => provider.wsUnsuccessfulReconnects;
  sendOwnPresenceOnly(provider);
  reannounceOnConnect(provider);
  takeOthersBackOnConnect(provider);
  const session = createBoardSession(doc, {
    provider,
    reconnects: sockets,
    ...(localCopy ? { localCopy } : {}),
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.unsaved ? { unsaved: options.unsaved } : {}),
    ...(options.unsavedDeletedMeanwhile
      ? { unsavedDeletedMeanwhile: options.unsavedDeletedMeanwhile }
      : {}),
  });
  // Kept on this device, the refused changes would show again on every reload, and be
  // sent the day this person may edit again — long after anyone expects them.
  const { onWritesRefused } = options;
  const stopHearingRefusals = onWritesRefused
    ? hearRefusedWrites(provider, () => {
        if (destroyed) return;
        localCopy?.clear();
        // A card changed here and deleted elsewhere is in neither board: named from its list.
        const deletedMeanwhile = session.offlineEdits
          .notShownNow()
          .filter((entry) => !entry.placeDeleted);
        onWritesRefused(session.store.getSnapshot(), deletedMeanwhile);
      })
    : () => {};
  // The map is gone or no longer ours: don't keep (or show) it on this device.
  const forgetLocalCopy = () => localCopy?.clear();
  provider.on('closed', forgetLocalCopy);
  let destroyed = false;
  const connect = () => {
    if (!destroyed) provider.connect();
  };
  // The copy on this device first: the socket's sync step 1 then carries its
  // state vector, and the server sends only what this device lacks — not the
  // whole board a second time (decoded again for nothing: ~40 ms at 1,000
  // cards). A slow IndexedDB holds the socket back for LOCAL_COPY_WAIT_MS at most.
  if (localCopy) {
    void Promise.race([localCopy.loaded, delay(LOCAL_COPY_WAIT_MS)]).then(connect);
  } else queueMicrotask(connect);
  return {
    ...session,
    destroy: () => {
      destroyed = true;
      stopHearingRefusals();
      provider.off('closed', forgetLocalCopy);
      session.destroy();
      localCopy?.destroy();
      doc.destroy();
    },
  };
}

/**
 * An editor's save on top of someone else's change made while it was open
 * keeps both (rebaseTextEdit); when the card's text then is not what this
 * person wrote, it is listed like an offline one (offline-edits.ts), so they
 * hear that two rewrites met rather than finding them run together.
 */
function listMergedSaves(
  actions: BoardActions,
  store: BoardStore,
  offlineEdits: Pick<OfflineEdits, 'noteMerged'> | null,
): BoardActions {
  if (!offlineEdits) return actions;
  return {
    ...actions,
    editCardText: (cardId, base, next) => {
      const before = store.getSnapshot().cards.get(cardId)?.text;
      actions.editCardText(cardId, base, next);
      const after = store.getSnapshot().cards.get(cardId)?.text;
      if (before === undefined || before === base || after === undefined || after === next) return;
      offlineEdits.noteMerged({ cardId, mine: next, merged: after });
    },
  };
}
