import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStateMerger } from './state-merger.ts';

describe('createStateMerger', () => {
  it('closes without having merged anything', async () => {
    await createStateMerger().close();
  });

  it('warms up without disturbing a merge', async () => {
    const merger = createStateMerger();
    merger.warm();
    merger.warm();
    const doc = new Y.Doc();
    doc.getMap('board').set('a', 1);
    const state = await merger.merge([Y.encodeStateAsUpdate(doc)]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    expect(copy.getMap('board').toJSON()).toEqual({ a: 1 });
    await merger.close();
  });

  it('folds updates into one state on a worker thread', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getMap('board').set('a', 1);
    doc.getMap('board').set('b', 2);
    const merger = createStateMerger();
    try {
      const state = await merger.merge(updates);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state);
      expect(copy.getMap('board').toJSON()).toEqual({ a: 1, b: 2 });
    } finally {
      await merger.close();
    }
  });
});
