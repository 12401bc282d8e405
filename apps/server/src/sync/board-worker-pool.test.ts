import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, applyTemplate, readBoardState, setCardText } from '@journeyboard/shared/board';
import { createBoardWorkerPool } from './board-worker-pool.ts';

/** A blank board (stages and lanes, no cards). */
function makeBoard(): { doc: Y.Doc } {
  const doc = new Y.Doc();
  applyTemplate(doc, 'blank');
  return { doc };
}

describe('createBoardWorkerPool', () => {
  it('closes without having run anything', async () => {
    await createBoardWorkerPool().close();
  });

  it('warms up without disturbing a merge', async () => {
    const worker = createBoardWorkerPool();
    worker.warm();
    worker.warm();
    const doc = new Y.Doc();
    doc.getMap('board').set('a', 1);
    const { state } = await worker.merge([Y.encodeStateAsUpdate(doc)]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    expect(copy.getMap('board').toJSON()).toEqual({ a: 1 });
    await worker.close();
  });

  it('folds updates into one state on a worker thread, with what map search finds on it', async () => {
    const { doc } = makeBoard();
    const updates: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const [stage] = readBoardState(Y.encodeStateAsUpdate(doc)).stages;
    const [lane] = readBoardState(Y.encodeStateAsUpdate(doc)).lanes;
    addCard(doc, { stageId: stage!.id, laneId: lane!.id, text: 'Checkout keeps timing out' });
    const worker = createBoardWorkerPool();
    try {
      const merged = await worker.merge(updates);
      const cards = readBoardState(merged.state).cards;
      expect([...cards.values()].map((card) => card.text)).toEqual(['Checkout keeps timing out']);
      expect(merged.searchText).toContain('Checkout keeps timing out');
    } finally {
      await worker.close();
    }
  });

  it('describes what a version changed since the previous one, on the worker', async () => {
    const { doc } = makeBoard();
    const before = Y.encodeStateAsUpdate(doc);
    const [stage] = readBoardState(before).stages;
    const [lane] = readBoardState(before).lanes;
    const id = addCard(doc, { stageId: stage!.id, laneId: lane!.id, text: 'First' })!;
    const worker = createBoardWorkerPool();
    try {
      const added = await worker.describeVersion(before, Y.encodeStateAsUpdate(doc));
      expect(added).toEqual({ count: 1, summary: expect.stringMatching(/1 card added/) });
      const middle = Y.encodeStateAsUpdate(doc);
      setCardText(doc, id, 'Second');
      const edited = await worker.describeVersion(middle, Y.encodeStateAsUpdate(doc));
      expect(edited.summary).toMatch(/1 card edited/);
      expect(await worker.describeVersion(middle, middle)).toEqual({
        count: 0,
        summary: expect.any(String),
      });
    } finally {
      await worker.close();
    }
  });

  it('works out on the worker the one update that rewrites a board to a version, keeping what was written meanwhile', async () => {
    const { doc } = makeBoard();
    const [stage] = readBoardState(Y.encodeStateAsUpdate(doc)).stages;
    const [lane] = readBoardState(Y.encodeStateAsUpdate(doc)).lanes;
    const cell = { stageId: stage!.id, laneId: lane!.id };
    const kept = addCard(doc, { ...cell, text: 'In the version' })!;
    const version = Y.encodeStateAsUpdate(doc);
    setCardText(doc, kept, 'Edited since');
    addCard(doc, { ...cell, text: 'Added since' });
    const worker = createBoardWorkerPool();
    try {
      const update = await worker.rewrite(Y.encodeStateAsUpdate(doc), { version });
      // Someone adds a card while the worker works: it stays, like any concurrent edit.
      addCard(doc, { ...cell, text: 'Added meanwhile' });
      Y.applyUpdate(doc, update!);
      const texts = [...readBoardState(Y.encodeStateAsUpdate(doc)).cards.values()].map(
        (card) => card.text,
      );
      expect(texts.sort()).toEqual(['Added meanwhile', 'In the version']);
      expect(
        await worker.rewrite(version, { version: Y.encodeStateAsUpdate(new Y.Doc()) }),
      ).toBeNull();
    } finally {
      await worker.close();
    }
  });
});
