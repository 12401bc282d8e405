import { encodeCapabilitiesMessage, encodeWritesRefusedMessage } from '@journeyboard/shared';
import {
  addCard,
  applyTemplate,
  readBoard,
  setCardText,
  type BoardSnapshot,
} from '@journeyboard/shared/board';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addCardTo,
  cellTexts,
  idsByTitle,
  makeTemplateDoc,
  readDoc,
  syncInto,
} from './testing/board-fixture.tsx';
import {
  connectBoardSession,
  createBoardSession,
  syncServerUrl,
  type BoardSession,
} from './board-session.ts';

describe('createBoardSession (no socket)', () => {
  it('changes the document through typed actions', () => {
    const doc = makeTemplateDoc();
    const session = createBoardSession(doc);
    const { stage, lane } = idsByTitle(doc);

    const cardId = session.actions.addCard(stage('Awareness'), lane('Touchpoints'), 'Ad')!;
    session.actions.setCardText(cardId, 'Billboard');
    session.actions.moveCard(cardId, {
      stageId: stage('Purchase'),
      laneId: lane('Pain points'),
      index: 0,
    });
    session.actions.setEmotion(stage('Purchase'), lane('Emotions'), 2);

    expect(cellTexts(doc, 'Purchase', 'Pain points')).toEqual(['Billboard']);
    expect(readDoc(doc).emotions.get(`${stage('Purchase')}:${lane('Emotions')}`)?.score).toBe(2);
    expect(session.connection.getSnapshot()).toMatchObject({ status: 'local', hasSynced: true });
    session.destroy();
  });

  it('undoes this person’s own steps, one action at a time, and never a collaborator’s', () => {
    const doc = makeTemplateDoc();
    const collaborator = new Y.Doc();
    syncInto(collaborator, doc);
    const session = createBoardSession(doc);
    const { stage, lane } = idsByTitle(doc);
    const history = vi.fn();
    session.history.subscribe(history);
    expect(session.history.getSnapshot()).toEqual({ canUndo: false, canRedo: false });

    const mine = session.actions.addCard(stage('Awareness'), lane('Touchpoints'), '')!;
    session.actions.setCardText(mine, 'Mine');
    addCard(collaborator, {
      stageId: stage('Awareness'),
      laneId: lane('Touchpoints'),
      text: 'Theirs',
    });
    syncInto(doc, collaborator);
    expect(session.history.getSnapshot()).toEqual({ canUndo: true, canRedo: false });
    expect(history).toHaveBeenCalled();

    // Both cards were added at the end concurrently, so their order is a tie broken by id.
    const texts = () => cellTexts(doc, 'Awareness', 'Touchpoints').sort();
    session.actions.undo(); // the text, not the add: they were separate steps
    expect(texts()).toEqual(['', 'Theirs']);
    session.actions.undo();
    expect(texts()).toEqual(['Theirs']);
    expect(session.history.getSnapshot()).toEqual({ canUndo: false, canRedo: true });

    session.actions.redo();
    session.actions.redo();
    expect(texts()).toEqual(['Mine', 'Theirs']);
    session.destroy();
  });

  it('skips writes that would not change anything', () => {
    const doc = makeTemplateDoc();
    const session = createBoardSession(doc);
    const { stage } = idsByTitle(doc);
    const updates = vi.fn();
    doc.on('update', updates);
    session.actions.renameStage(stage('Awareness'), 'Awareness');
    session.actions.moveStage(stage('Awareness'), 0);
    expect(updates).not.toHaveBeenCalled();
    session.destroy();
  });
});

describe('syncServerUrl', () => {
  it('uses the page’s host and wss on https', () => {
    expect(syncServerUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe(
      'ws://localhost:3000/sync',
    );
    expect(syncServerUrl({ protocol: 'https:', host: 'maps.example.com' })).toBe(
      'wss://maps.example.com/sync',
    );
  });
});

/** A WebSocket the test drives by hand. */
class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly url: string;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  send(): void {}
  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code: 1005, reason: '' });
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  /** Delivers y-websocket "sync step 2" with the whole of `doc`, as the server does on connect. */
  receiveDocument(doc: Y.Doc): void {
    const update = Y.encodeStateAsUpdate(doc);
    const bytes = [...varUint(0), ...varUint(1), ...varUint(update.length), ...update];
    this.onmessage?.({ data: new Uint8Array(bytes).buffer });
  }

  /** Delivers one frame as the server sends it. */
  receiveFrame(frame: Uint8Array): void {
    this.onmessage?.({ data: frame.slice().buffer });
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 127) {
    bytes.push(128 | (value & 127));
    value >>>= 7;
  }
  bytes.push(value);
  return bytes;
}

describe('connectBoardSession', () => {
  it('never opens a socket for a session destroyed straight away (StrictMode remounts)', async () => {
    FakeWebSocket.instances = [];
    connectBoardSession('map-1', {
      serverUrl: 'ws://example.test/sync',
      WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
    }).destroy();
    await Promise.resolve();
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  let session: BoardSession | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.instances = [];
  });

  afterEach(() => {
    session?.destroy();
    vi.useRealTimers();
  });

  /** Opens a session; its socket is created a microtask later. */
  const connect = async () => {
    const opened = connectBoardSession('map-1', {
      serverUrl: 'ws://example.test/sync',
      WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
    });
    await Promise.resolve();
    return opened;
  };

  it('connects to /sync/<mapId>, goes live on the first sync and shows the server’s board', async () => {
    session = await connect();
    const socket = FakeWebSocket.instances[0]!;
    expect(socket.url).toBe('ws://example.test/sync/map-1');
    expect(session.connection.getSnapshot()).toMatchObject({
      status: 'connecting',
      hasSynced: false,
    });
    // The client never seeds: until the server answers, the board is empty.
    expect(session.store.getSnapshot().stages).toHaveLength(0);

    socket.open();
    expect(session.connection.getSnapshot().status).toBe('connecting');

    const server = new Y.Doc();
    applyTemplate(server, 'blank');
    socket.receiveDocument(server);
    expect(session.connection.getSnapshot()).toMatchObject({ status: 'live', hasSynced: true });
    expect(session.store.getSnapshot().stages).toHaveLength(6);
  });

  it('lists a card whose editor saved over someone else’s rewrite made while it was open', async () => {
    session = await connect();
    const socket = FakeWebSocket.instances[0]!;
    socket.open();
    const server = new Y.Doc();
    applyTemplate(server, 'blank');
    const [stage] = readBoard(server).stages;
    const [lane] = readBoard(server).lanes;
    const cardId = addCard(server, { stageId: stage!.id, laneId: lane!.id, text: 'Needs a seat' });
    socket.receiveDocument(server);
    // The editor opened on "Needs a seat"; meanwhile someone rewrote it.
    setCardText(server, cardId!, 'Aisle seat, any row');
    socket.receiveDocument(server);
    session.actions.editCardText(cardId!, 'Needs a seat', 'Window seat, row 12');

    const [merged] = session.offlineEdits.merged.getSnapshot();
    expect(merged).toMatchObject({ cardId, mine: 'Window seat, row 12' });
    expect(merged!.merged).toContain('Aisle seat, any row');
    expect(merged!.merged).toContain('Window seat, row 12');
  });

  it('says when it reconnects after a dropped connection, and keeps trying', async () => {
    session = await connect();
    const first = FakeWebSocket.instances[0]!;
    first.open();
    first.receiveDocument(makeTemplateDoc());
    first.serverClose(1006);
    vi.advanceTimersByTime(0);
    const state = session.connection.getSnapshot();
    expect(state).toMatchObject({ status: 'reconnecting', hasSynced: true });
    // 200 ms (100 × 2¹) plus up to as much again.
    expect(state.nextAttemptAt! - Date.now()).toBeGreaterThanOrEqual(200);
    expect(state.nextAttemptAt! - Date.now()).toBeLessThanOrEqual(400);

    vi.advanceTimersByTime(5_000);
    expect(FakeWebSocket.instances.length).toBeGreaterThan(1);
    const second = FakeWebSocket.instances.at(-1)!;
    second.open();
    second.receiveDocument(makeTemplateDoc());
    expect(session.connection.getSnapshot().status).toBe('live');
  });

  it('stops for good and reports not-found when the server closes with 4404', async () => {
    session = await connect();
    const socket = FakeWebSocket.instances[0]!;
    socket.open();
    socket.serverClose(4404, 'map not found');
    expect(session.connection.getSnapshot().status).toBe('not-found');

    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('reports reconnecting when the first connection fails', async () => {
    session = await connect();
    FakeWebSocket.instances[0]!.serverClose(1006);
    expect(session.connection.getSnapshot()).toMatchObject({
      status: 'reconnecting',
      hasSynced: false,
    });
  });

  describe('when the browser loses the network', () => {
    let online = true;
    beforeEach(() => {
      online = true;
      vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    });
    afterEach(() => vi.restoreAllMocks());
    const goOffline = () => {
      online = false;
      window.dispatchEvent(new Event('offline'));
    };
    const goOnline = () => {
      online = true;
      window.dispatchEvent(new Event('online'));
    };

    it('says offline at once and drops the socket, which could look open for 30 s', async () => {
      session = await connect();
      const socket = FakeWebSocket.instances[0]!;
      socket.open();
      socket.receiveDocument(makeTemplateDoc());
      expect(session.connection.getSnapshot().status).toBe('live');

      goOffline();
      expect(session.connection.getSnapshot().status).toBe('offline');
      expect(socket.readyState).toBe(3);
      // Failed attempts while the network is gone keep saying offline.
      vi.advanceTimersByTime(1_000);
      FakeWebSocket.instances.at(-1)!.serverClose(1006);
      expect(session.connection.getSnapshot().status).toBe('offline');
    });

    it('tries again as soon as the network returns, and is live only once the server synced', async () => {
      session = await connect();
      const socket = FakeWebSocket.instances[0]!;
      socket.open();
      socket.receiveDocument(makeTemplateDoc());
      goOffline();
      vi.advanceTimersByTime(0);
      const before = FakeWebSocket.instances.length;

      goOnline();
      expect(FakeWebSocket.instances.length).toBe(before + 1);
      expect(session.connection.getSnapshot().status).toBe('reconnecting');
      const next = FakeWebSocket.instances.at(-1)!;
      next.open();
      expect(session.connection.getSnapshot().status).toBe('reconnecting');
      next.receiveDocument(makeTemplateDoc());
      expect(session.connection.getSnapshot().status).toBe('live');
    });

    it('counts this person’s changes until the server has them', async () => {
      session = await connect();
      const socket = FakeWebSocket.instances[0]!;
      socket.open();
      socket.receiveDocument(makeTemplateDoc());
      const { stage, lane } = idsByTitle(session.store.doc);
      session.actions.addCard(stage('Awareness'), lane('Touchpoints'), 'Sent at once');
      expect(session.connection.getSnapshot().pendingChanges).toBe(0);

      goOffline();
      session.actions.addCard(stage('Awareness'), lane('Touchpoints'), 'Offline one');
      session.actions.addCard(stage('Purchase'), lane('Touchpoints'), 'Offline two');
      expect(session.connection.getSnapshot().pendingChanges).toBe(2);

      vi.advanceTimersByTime(0);
      goOnline();
      const next = FakeWebSocket.instances.at(-1)!;
      next.open();
      next.receiveDocument(makeTemplateDoc());
      expect(session.connection.getSnapshot()).toMatchObject({ status: 'live', pendingChanges: 0 });
    });
  });
  describe('when the server refuses this person’s changes (no longer allowed to edit)', () => {
    /** A session that hands its board over when refused, as useLiveSession does. */
    const connectHandingOver = async (handed: BoardSnapshot[], unsaved?: BoardSnapshot) => {
      const opened = connectBoardSession('map-1', {
        serverUrl: 'ws://example.test/sync',
        WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
        onWritesRefused: (board) => handed.push(board),
        ...(unsaved ? { unsaved } : {}),
      });
      await Promise.resolve();
      return opened;
    };

    it('hands over its board with the refused changes; the next session lists them once the server’s board is in', async () => {
      const server = makeTemplateDoc();
      const kept = addCardTo(server, 'Awareness', 'Touchpoints', 'Sees an ad');
      const handed: BoardSnapshot[] = [];
      session = await connectHandingOver(handed);
      const socket = FakeWebSocket.instances[0]!;
      socket.open();
      socket.receiveDocument(server);
      // Made while offline, sent in the sync step 2 of the reconnect.
      const { stage, lane } = idsByTitle(session.store.doc);
      session.actions.addCard(stage('Purchase'), lane('Pain points'), 'Checkout asks twice');
      session.actions.deleteCards([kept]);

      socket.receiveFrame(encodeWritesRefusedMessage());
      expect(handed).toHaveLength(0);
      await Promise.resolve();
      expect(handed).toHaveLength(1);
      expect([...handed[0]!.cards.values()].map((card) => card.text)).toEqual([
        'Checkout asks twice',
      ]);

      session.destroy();
      session = await connectHandingOver([], handed[0]);
      const fresh = FakeWebSocket.instances.at(-1)!;
      fresh.open();
      expect(session.unsavedChanges.lines.getSnapshot()).toEqual([]);
      fresh.receiveDocument(server);
      // The board is the server's; what this device had besides is named.
      expect(cellTexts(session.store.doc, 'Awareness', 'Touchpoints')).toEqual(['Sees an ad']);
      expect(session.unsavedChanges.lines.getSnapshot()).toEqual([
        'Added “Checkout asks twice” to Purchase · Pain points',
        'Removed “Sees an ad” from Awareness',
      ]);
    });

    it('hands nothing over for the capabilities message, and lists nothing without a refusal', async () => {
      const handed: BoardSnapshot[] = [];
      session = await connectHandingOver(handed);
      const socket = FakeWebSocket.instances[0]!;
      socket.open();
      socket.receiveFrame(encodeCapabilitiesMessage(['map.read']));
      socket.receiveDocument(makeTemplateDoc());
      await Promise.resolve();
      expect(handed).toEqual([]);
      expect(session.capabilities.getSnapshot()).toEqual(['map.read']);
      expect(session.unsavedChanges.lines.getSnapshot()).toEqual([]);
    });
  });
});
