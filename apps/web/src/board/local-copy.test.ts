import { BoardStore } from '@journeyboard/shared/board';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openLocalCopy, type LocalCopy } from './local-copy.ts';
import { addCardTo, makeTemplateDoc, readDoc } from './testing/board-fixture.tsx';

/** Longer than local-copy.ts waits after a change before keeping the preview. */
const KEPT = 1_300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const opened: { copy: LocalCopy; store: BoardStore; stop: () => void }[] = [];

/** This device opening the map: its copy, its store, and the preview being kept. */
function open(mapId: string) {
  const doc = new Y.Doc();
  const copy = openLocalCopy(mapId, doc)!;
  const store = new BoardStore(doc);
  const stop = copy.keepPreview(store, store.subscribe);
  opened.push({ copy, store, stop });
  return { doc, copy, store };
}

// IndexedDB as the browser has it (happy-dom has none), for this file only: test files share
// a global scope (vitest.workspace.ts), and other files test the board without a copy.
const indexedDB = new IDBFactory();
beforeEach(() => {
  vi.stubGlobal('indexedDB', indexedDB);
  vi.stubGlobal('IDBKeyRange', IDBKeyRange);
});

afterEach(() => {
  for (const { copy, store, stop } of opened.splice(0)) {
    stop();
    copy.destroy();
    store.destroy();
  }
});

/** A first visit: the board arrives from the server and is stored here; its preview is kept. */
async function firstVisit(mapId: string) {
  const visit = open(mapId);
  expect(await visit.copy.preview).toBeNull();
  expect(await visit.copy.loaded).toBe(false);
  const server = makeTemplateDoc();
  addCardTo(server, 'Awareness', 'Touchpoints', 'Sees an ad');
  Y.applyUpdate(visit.doc, Y.encodeStateAsUpdate(server), 'server');
  await sleep(KEPT);
  return visit;
}

describe('the preview kept with this device’s copy', () => {
  it('is the board as it was, before the document is decoded', async () => {
    const visit = await firstVisit('map-a');
    visit.copy.destroy();

    const reload = open('map-a');
    const preview = await reload.copy.preview;
    expect(preview).toEqual(readDoc(visit.doc));
    expect(reload.doc.store.clients.size).toBe(0);
    expect(await reload.copy.loaded).toBe(true);
    expect(readDoc(reload.doc)).toEqual(preview);
  });

  it('is not used once an update was stored after it', async () => {
    const visit = await firstVisit('map-b');
    // A change stored here, and the tab gone before the preview caught up.
    addCardTo(visit.doc, 'Purchase', 'Pain points', 'Shipping costs');
    await sleep(50);
    visit.copy.destroy();

    const reload = open('map-b');
    expect(await reload.copy.preview).toBeNull();
    expect(await reload.copy.loaded).toBe(true);
    expect([...readDoc(reload.doc).cards.values()].map((card) => card.text).sort()).toEqual([
      'Sees an ad',
      'Shipping costs',
    ]);
  });

  it('is forgotten with the copy', async () => {
    const visit = await firstVisit('map-c');
    visit.copy.clear();
    await sleep(50);

    const reload = open('map-c');
    expect(await reload.copy.preview).toBeNull();
    expect(await reload.copy.loaded).toBe(false);
  });
});
