import {
  addCard,
  addStage,
  BoardStore,
  cellKey,
  clearEmotion,
  createUndoManager,
  deleteCard,
  deleteStage,
  moveCard,
  moveStage,
  renameLane,
  renameStage,
  setCardText,
  setEmotion,
} from '@journeyboard/shared/board';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { trackConnection, type ConnectionState } from './connection.ts';
import { trackHistory, type HistoryState } from './history.ts';
import { ValueStore, type ReadableStore } from './value-store.ts';

/** Everything the UI may do to a board. Each call is one undoable step. */
export interface BoardActions {
  addStage: (title: string, index?: number) => string;
  renameStage: (stageId: string, title: string) => void;
  moveStage: (stageId: string, toIndex: number) => void;
  deleteStage: (stageId: string) => void;
  renameLane: (laneId: string, title: string) => void;
  addCard: (stageId: string, laneId: string, text?: string) => string | null;
  setCardText: (cardId: string, text: string) => void;
  /** `index` counts the cards of the target cell without the moved card. */
  moveCard: (cardId: string, to: { stageId: string; laneId: string; index: number }) => void;
  deleteCard: (cardId: string) => void;
  setEmotion: (stageId: string, laneId: string, score: number) => void;
  clearEmotion: (stageId: string, laneId: string) => void;
  undo: () => void;
  redo: () => void;
}

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
  readonly destroy: () => void;
}

export interface BoardSessionOptions {
  /** Syncs the doc with the server; without one the session is local only (tests, previews). */
  provider?: WebsocketProvider;
}

/** Wraps an existing doc. Tests pass a plain Y.Doc and no provider. */
export function createBoardSession(doc: Y.Doc, options: BoardSessionOptions = {}): BoardSession {
  const store = new BoardStore(doc);
  const undoManager = createUndoManager(doc);
  const history = trackHistory(undoManager);
  const connection = options.provider
    ? trackConnection(options.provider)
    : {
        store: new ValueStore<ConnectionState>({ status: 'local', hasSynced: true }),
        dispose: () => {},
      };

  /**
   * The undo manager merges changes made within 400 ms into one step. That
   * suits dragging the emotion slider, but a click on "Delete card" right after
   * typing must be its own step, so discrete actions close the step around them.
   */
  const step = <T>(fn: () => T): T => {
    undoManager.stopCapturing();
    const result = fn();
    undoManager.stopCapturing();
    return result;
  };
  const snapshot = () => store.getSnapshot();

  const actions: BoardActions = {
    addStage: (title, index) =>
      step(() => addStage(doc, index === undefined ? { title } : { title, index })),
    renameStage: (stageId, title) => {
      const current = snapshot().stages.find((stage) => stage.id === stageId);
      if (current && current.title !== title) step(() => renameStage(doc, stageId, title));
    },
    moveStage: (stageId, toIndex) => {
      const from = snapshot().stages.findIndex((stage) => stage.id === stageId);
      if (from !== -1 && from !== toIndex) step(() => moveStage(doc, stageId, toIndex));
    },
    deleteStage: (stageId) => void step(() => deleteStage(doc, stageId)),
    renameLane: (laneId, title) => {
      const current = snapshot().lanes.find((lane) => lane.id === laneId);
      if (current && current.title !== title) step(() => renameLane(doc, laneId, title));
    },
    addCard: (stageId, laneId, text = '') => step(() => addCard(doc, { stageId, laneId, text })),
    setCardText: (cardId, text) => {
      const current = snapshot().cards.get(cardId);
      if (current && current.text !== text) step(() => setCardText(doc, cardId, text));
    },
    moveCard: (cardId, to) => {
      const card = snapshot().cards.get(cardId);
      if (!card) return;
      const cell = snapshot().cells.get(cellKey(card.stageId, card.laneId)) ?? [];
      const unchanged =
        card.stageId === to.stageId &&
        card.laneId === to.laneId &&
        cell.indexOf(cardId) === to.index;
      if (!unchanged) step(() => moveCard(doc, cardId, to));
    },
    deleteCard: (cardId) => void step(() => deleteCard(doc, cardId)),
    setEmotion: (stageId, laneId, score) => {
      // Not a `step`: the slider fires on every notch while dragging, and
      // those changes should undo together.
      const current = snapshot().emotions.get(cellKey(stageId, laneId));
      if (current?.score !== score) setEmotion(doc, { stageId, laneId, score });
    },
    clearEmotion: (stageId, laneId) => void step(() => clearEmotion(doc, { stageId, laneId })),
    undo: () => void undoManager.undo(),
    redo: () => void undoManager.redo(),
  };

  return {
    store,
    connection: connection.store,
    history: history.store,
    actions,
    destroy: () => {
      connection.dispose();
      options.provider?.destroy();
      history.dispose();
      undoManager.destroy();
      store.destroy();
    },
  };
}

/** `ws(s)://<this host>/sync` — the sync server shares the page's origin. */
export function syncServerUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export interface ConnectOptions {
  serverUrl?: string;
  /** For tests: a stand-in for the browser's WebSocket. */
  WebSocketPolyfill?: typeof WebSocket;
}

/**
 * Opens a map's live board: a fresh Y.Doc synced over /sync/<mapId>. The
 * server owns the initial board, so the doc starts empty and this client
 * never seeds it.
 */
export function connectBoardSession(mapId: string, options: ConnectOptions = {}): BoardSession {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(options.serverUrl ?? syncServerUrl(), mapId, doc, {
    // Tabs sync through the server, never behind its back.
    disableBc: true,
    // Opened a microtask later: React's StrictMode mounts, unmounts and mounts
    // again synchronously in development, and the first session should die
    // without ever opening a socket.
    connect: false,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  const session = createBoardSession(doc, { provider });
  let destroyed = false;
  queueMicrotask(() => {
    if (!destroyed) provider.connect();
  });
  return {
    ...session,
    destroy: () => {
      destroyed = true;
      session.destroy();
      doc.destroy();
    },
  };
}
