import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import { addCard, deleteCard, setCardText, setEmotion } from './ops.ts';
import { snapshotFromJson, snapshotToJson } from './snapshot-json.ts';
import { makeBoard } from './test-helpers.ts';
import { cellKey } from './types.ts';

/** A board with a few cards and an emotion point, as it would be kept on a device. */
function storedBoard() {
  const { doc, store } = makeBoard();
  const [stage] = store.getSnapshot().stages;
  const [lane] = store.getSnapshot().lanes;
  const first = addCard(doc, { stageId: stage!.id, laneId: lane!.id, text: 'First' })!;
  const second = addCard(doc, { stageId: stage!.id, laneId: lane!.id, text: 'Second' })!;
  setEmotion(doc, { stageId: stage!.id, laneId: lane!.id, score: 2 });
  return { doc, snapshot: store.getSnapshot(), stage: stage!, lane: lane!, first, second };
}

/** What a reload does: an empty document, its store, and the stored copy applied later. */
function reload(copy: Y.Doc) {
  const doc = new Y.Doc();
  const store = new BoardStore(doc);
  const loadCopy = () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy), 'this device');
  return { doc, store, loadCopy };
}

describe('snapshot JSON', () => {
  it('gives back the same board', () => {
    const { snapshot } = storedBoard();
    expect(snapshotFromJson(snapshotToJson(snapshot))).toEqual(snapshot);
  });

  it('reads nothing from text of another format, or no JSON at all', () => {
    const { snapshot } = storedBoard();
    const other = { ...JSON.parse(snapshotToJson(snapshot)), format: 2 };
    expect(snapshotFromJson(JSON.stringify(other))).toBeNull();
    expect(snapshotFromJson('{"format":1}')).toBeNull();
    expect(snapshotFromJson('not json')).toBeNull();
  });
});

describe('BoardStore.showPreview', () => {
  it('serves the preview until the document has content, then keeps its equal objects', () => {
    const stored = storedBoard();
    const preview = snapshotFromJson(snapshotToJson(stored.snapshot))!;
    const { store, loadCopy } = reload(stored.doc);
    const listener = vi.fn();
    store.subscribe(listener);

    expect(store.showPreview(preview)).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toBe(preview);

    loadCopy();
    const loaded = store.getSnapshot();
    expect(loaded).toEqual(stored.snapshot);
    // Nothing drawn from the preview needs drawing again.
    expect(loaded.cards.get(stored.first)).toBe(preview.cards.get(stored.first));
    expect(loaded.stages).toBe(preview.stages);
    expect(loaded.lanes).toBe(preview.lanes);
    const cell = cellKey(stored.stage.id, stored.lane.id);
    expect(loaded.cells.get(cell)).toBe(preview.cells.get(cell));
    expect(loaded.emotions).toBe(preview.emotions);
  });

  it('shows what the document says where an older preview differs', () => {
    const stored = storedBoard();
    const preview = snapshotFromJson(snapshotToJson(stored.snapshot))!;
    // Changed on this device after the preview was kept.
    setCardText(stored.doc, stored.first, 'First, edited');
    deleteCard(stored.doc, stored.second);
    const { store, loadCopy } = reload(stored.doc);
    store.showPreview(preview);

    loadCopy();
    const loaded = store.getSnapshot();
    expect(loaded.cards.get(stored.first)?.text).toBe('First, edited');
    expect(loaded.cards.has(stored.second)).toBe(false);
    expect(loaded.cells.get(cellKey(stored.stage.id, stored.lane.id))).toEqual([stored.first]);
  });

  it('drops preview cards when the document brings no cards at all', () => {
    const stored = storedBoard();
    const preview = snapshotFromJson(snapshotToJson(stored.snapshot))!;
    const empty = makeBoard();
    const { store, loadCopy } = reload(empty.doc);
    store.showPreview(preview);

    loadCopy();
    expect(store.getSnapshot().cards.size).toBe(0);
    expect(store.getSnapshot().emotions.size).toBe(0);
  });

  it('is refused once the document has content', () => {
    const stored = storedBoard();
    const preview = snapshotFromJson(snapshotToJson(stored.snapshot))!;
    const { store, loadCopy } = reload(stored.doc);
    loadCopy();
    const loaded = store.getSnapshot();

    expect(store.showPreview(preview)).toBe(false);
    expect(store.getSnapshot()).toBe(loaded);
  });
});
