import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import { createUndoManager } from './undo.ts';
import { BOARD_SCHEMA_VERSION } from './doc.ts';
import { inspectBoard, repairBoard } from './integrity.ts';
import { addCard } from './ops.ts';
import { makeBoard } from './test-helpers.ts';

/** A version-1 document as the first release wrote it: no card fields, no lane `collapsed`. */
function versionOneDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('schemaVersion', 1);
  const stage = new Y.Map<unknown>();
  stage.set('title', 'Awareness');
  stage.set('order', 'a0');
  doc.getMap('stages').set('s1', stage);
  const lane = new Y.Map<unknown>();
  lane.set('title', 'Touchpoints');
  lane.set('kind', 'touchpoint');
  lane.set('order', 'a0');
  doc.getMap('lanes').set('l1', lane);
  const card = new Y.Map<unknown>();
  card.set('text', new Y.Text('Billboard'));
  card.set('position', { stageId: 's1', laneId: 'l1', order: 'a0' });
  doc.getMap('cards').set('c1', card);
  return doc;
}

describe('inspectBoard and repairBoard', () => {
  it('a fresh board is ok and repairing it changes nothing', () => {
    const { doc } = makeBoard();
    expect(inspectBoard(doc)).toEqual({ status: 'ok' });
    let updates = 0;
    doc.on('update', () => updates++);
    expect(repairBoard(doc)).toEqual([]);
    expect(updates).toBe(0);
  });

  it('upgrades a version-1 board, keeping its content', () => {
    const doc = versionOneDoc();
    const inspection = inspectBoard(doc);
    expect(inspection.status).toBe('repairable');
    expect(inspection).toMatchObject({
      problems: expect.arrayContaining([`Board format 1 was upgraded to ${BOARD_SCHEMA_VERSION}.`]),
    });
    repairBoard(doc);
    expect(inspectBoard(doc)).toEqual({ status: 'ok' });
    const board = new BoardStore(doc).getSnapshot();
    expect(board.schemaVersion).toBe(BOARD_SCHEMA_VERSION);
    expect(board.stages[0]).toMatchObject({
      title: 'Awareness',
      description: '',
      momentOfTruth: false,
    });
    expect(board.cards.get('c1')).toMatchObject({
      text: 'Billboard',
      channel: null,
      color: 'none',
    });
  });

  it('repairs damaged entries instead of crashing, and the repair is not undoable', () => {
    const { doc, store } = makeBoard();
    const undo = createUndoManager(doc);
    const [stage] = store.getSnapshot().stages;
    const [lane] = store.getSnapshot().lanes;
    const good = addCard(doc, { stageId: stage!.id, laneId: lane!.id, text: 'keep' })!;
    undo.clear();
    doc.transact(() => {
      doc.getMap('stages').set('junk', 'not a map' as never);
      (doc.getMap('lanes').get(lane!.id) as Y.Map<unknown>).set('kind', 'galaxy');
      (doc.getMap('lanes').get(lane!.id) as Y.Map<unknown>).set('order', 'not-a-key!');
      const orphan = new Y.Map<unknown>();
      orphan.set('text', new Y.Text('orphan'));
      orphan.set('position', { stageId: 'deleted-stage', laneId: lane!.id, order: 'a0' });
      doc.getMap('cards').set('orphan', orphan);
      const noText = new Y.Map<unknown>();
      noText.set('text', 'plain string');
      noText.set('position', { stageId: stage!.id, laneId: lane!.id, order: 'a5' });
      noText.set('severity', 9);
      doc.getMap('cards').set('no-text', noText);
      doc.getMap('emotions').set(`${stage!.id}:${lane!.id}`, { score: 7, note: 3 });
      doc.getMap('emotions').set('garbage', 'x');
    }, 'someone else');

    const inspection = inspectBoard(doc);
    expect(inspection.status).toBe('repairable');
    const fixed = repairBoard(doc);
    expect(fixed.length).toBeGreaterThanOrEqual(6);
    expect(inspectBoard(doc)).toEqual({ status: 'ok' });
    expect(undo.canUndo()).toBe(false);

    const board = store.getSnapshot();
    expect(board.stages).toHaveLength(6);
    expect(board.lanes.find((l) => l.id === lane!.id)?.kind).toBe('notes');
    expect(board.cards.has('orphan')).toBe(false);
    expect(board.cards.get('no-text')).toMatchObject({ text: 'plain string', severity: null });
    expect(board.cards.get(good)?.text).toBe('keep');
    expect([...board.emotions.values()]).toEqual([
      { stageId: stage!.id, laneId: lane!.id, score: 2, note: '' },
    ]);
    // The repaired order key works for new inserts next to it.
    expect(() => addCard(doc, { stageId: stage!.id, laneId: lane!.id })).not.toThrow();
  });

  it('rejects a board from a newer Journeyboard with a clear message, untouched', () => {
    const { doc } = makeBoard();
    doc.getMap('meta').set('schemaVersion', BOARD_SCHEMA_VERSION + 1);
    const inspection = inspectBoard(doc);
    expect(inspection).toMatchObject({ status: 'fatal' });
    expect(inspection.status === 'fatal' && inspection.message).toMatch(/newer version/);
    expect(repairBoard(doc)).toEqual([]);
  });

  it('rejects a document whose parts have the wrong types', () => {
    const doc = new Y.Doc();
    doc.getArray('stages').push(['not a board']);
    expect(inspectBoard(doc)).toMatchObject({ status: 'fatal', message: /not a journey board/ });
  });

  it('two clients repairing the same board at once converge', () => {
    const a = versionOneDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    repairBoard(a);
    repairBoard(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(inspectBoard(a)).toEqual({ status: 'ok' });
    expect(new BoardStore(a).getSnapshot().stages).toEqual(new BoardStore(b).getSnapshot().stages);
  });
});
