import {
  addCard,
  addLane,
  addStage,
  BoardStore,
  CARD_LANE_KINDS,
  deleteLane,
  deleteStage,
} from '@journeyboard/shared/board';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export const STAGES = 12;
/** One lane per kind of card, each filled with that kind's sample cards (text, fields, chips). */
export const LANES = CARD_LANE_KINDS.length;

/** A ws WebSocket that sends the account cookie, standing in for the browser's. */
function webSocketWithCookie(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/** A Node client on the real sync path: WebsocketProvider + the shared board operations. */
export class BoardClient {
  readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;

  private constructor(baseUrl: string, mapId: string, cookie: string) {
    this.provider = new WebsocketProvider(
      `${baseUrl.replace(/^http/, 'ws')}/sync`,
      mapId,
      this.doc,
      {
        WebSocketPolyfill: webSocketWithCookie(cookie),
        disableBc: true,
      },
    );
  }

  static async open(baseUrl: string, mapId: string, cookie: string): Promise<BoardClient> {
    const client = new BoardClient(baseUrl, mapId, cookie);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('sync timed out')), 30_000);
      client.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return client;
  }

  /** Resolves once this client's copy of the board has `count` cards. */
  async waitForCards(count: number): Promise<void> {
    const store = new BoardStore(this.doc);
    const deadline = Date.now() + 60_000;
    try {
      while (store.getSnapshot().cards.size < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${store.getSnapshot().cards.size} of ${count} cards arrived`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      store.destroy();
    }
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/**
 * Replaces the template's stages and lanes with 12 stages × a lane per card
 * kind (8 today) and spreads `cards` cards evenly over the cells, through the
 * real sync path. Each card is one of its lane kind's samples, so the board
 * renders the chips people see.
 * Returns the id of one card in the first cell, for the drag and the
 * one-card-change measurements.
 */
export function fillBoard(doc: Y.Doc, cards: number): { firstCardId: string } {
  const store = new BoardStore(doc);
  const before = store.getSnapshot();
  doc.transact(() => {
    for (const stage of before.stages) deleteStage(doc, stage.id);
    for (const lane of before.lanes) deleteLane(doc, lane.id);
  });
  const stageIds: string[] = [];
  const laneIds: string[] = [];
  doc.transact(() => {
    for (let s = 0; s < STAGES; s++) stageIds.push(addStage(doc, { title: `Stage ${s + 1}` }));
    for (const kind of CARD_LANE_KINDS)
      laneIds.push(addLane(doc, { title: kind.label, kind: kind.kind }));
  });
  let firstCardId = '';
  // Several transactions keep each sync frame well below the server's limit.
  const perBatch = 250;
  for (let start = 0; start < cards; start += perBatch) {
    doc.transact(() => {
      for (let i = start; i < Math.min(cards, start + perBatch); i++) {
        const cell = i % (STAGES * LANES);
        const stageId = stageIds[cell % STAGES]!;
        const lane = Math.floor(cell / STAGES);
        const samples = CARD_LANE_KINDS[lane]!.samples;
        const sample = samples[Math.floor(i / (STAGES * LANES)) % samples.length]!;
        const id = addCard(doc, {
          stageId,
          laneId: laneIds[lane]!,
          text: `Card ${i + 1}: ${sample.text}`,
          fields: sample.fields ?? {},
        });
        if (i === 0 && id) firstCardId = id;
      }
    });
  }
  store.destroy();
  return { firstCardId };
}
