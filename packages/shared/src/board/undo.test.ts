import { describe, expect, it } from 'vitest';
import {
  addCard,
  addLane,
  addStage,
  deleteCard,
  editCardText,
  moveCard,
  renameStage,
} from './ops.ts';
import { makeReplicas } from './test-helpers.ts';
import { createUndoManager } from './undo.ts';

/** Ana (replica a, with undo) and Ben (replica b) on one board, Ana's card in the first cell. */
function anaAndBen() {
  const replicas = makeReplicas();
  const kept: string[][] = [];
  const keptTexts: string[][] = [];
  const keptPlaces: string[][] = [];
  const undo = createUndoManager(replicas.a.doc, {
    onKept: ({ cards, texts, stages, lanes }) => {
      if (cards.length > 0) kept.push([...cards]);
      if (texts.length > 0) keptTexts.push([...texts]);
      if (stages.length + lanes.length > 0) keptPlaces.push([...stages, ...lanes]);
    },
  });
  const [stage, nextStage] = replicas.a.store.getSnapshot().stages;
  const [lane] = replicas.a.store.getSnapshot().lanes;
  const addAnasCard = () => {
    const id = addCard(replicas.a.doc, { stageId: stage!.id, laneId: lane!.id, text: 'Ana' })!;
    undo.stopCapturing();
    replicas.sync();
    return id;
  };
  const cardOn = (replica: 'a' | 'b', id: string) =>
    replicas[replica].store.getSnapshot().cards.get(id);
  return {
    ...replicas,
    undo,
    kept,
    keptTexts,
    keptPlaces,
    stage: stage!,
    nextStage: nextStage!,
    lane: lane!,
    addAnasCard,
    cardOn,
  };
}

describe('undo never deletes what others have built on', () => {
  it('keeps a card a collaborator has typed into since, says so, and undoes one step per press', () => {
    const { a, b, sync, undo, kept, stage, addAnasCard, cardOn } = anaAndBen();
    renameStage(a.doc, stage.id, 'Discover');
    undo.stopCapturing();
    const card = addAnasCard();
    editCardText(b.doc, card, 'Ana', 'Ana and Ben');
    sync();

    undo.undo();
    sync();
    for (const replica of ['a', 'b'] as const)
      expect(cardOn(replica, card)?.text).toBe('Ana and Ben');
    expect(kept).toEqual([[card]]);
    // The press spent itself on the kept card: Ana's older change stays until the next one.
    expect(a.store.getSnapshot().stages[0]?.title).toBe('Discover');
    expect(undo.canUndo()).toBe(true);

    undo.undo();
    sync();
    expect(b.store.getSnapshot().stages[0]?.title).not.toBe('Discover');
    expect(kept).toHaveLength(1);
  });

  it('keeps a card a collaborator has moved since', () => {
    const { b, sync, undo, kept, nextStage, lane, addAnasCard, cardOn } = anaAndBen();
    const card = addAnasCard();
    moveCard(b.doc, card, { stageId: nextStage.id, laneId: lane.id, index: 0 });
    sync();

    undo.undo();
    sync();
    expect(cardOn('a', card)?.stageId).toBe(nextStage.id);
    expect(kept).toEqual([[card]]);
  });

  it('still undoes a card nobody else has touched', () => {
    const { sync, undo, kept, addAnasCard, cardOn } = anaAndBen();
    const card = addAnasCard();

    undo.undo();
    sync();
    expect(cardOn('b', card)).toBeUndefined();
    expect(kept).toEqual([]);
  });

  it('still undoes an edit inside a card others have written in', () => {
    const { a, b, sync, undo, kept, addAnasCard, cardOn } = anaAndBen();
    const card = addAnasCard();
    editCardText(b.doc, card, 'Ana', 'Ana, Ben');
    sync();
    editCardText(a.doc, card, 'Ana, Ben', 'Ana, Ben and Cy');
    sync();

    undo.undo();
    sync();
    expect(cardOn('b', card)?.text).toBe('Ana, Ben');
    expect(kept).toEqual([]);
  });

  it('keeps a stage, and a lane, that others have put cards in since (they would sit in no cell)', () => {
    const { a, b, sync, undo, keptPlaces, lane, stage, cardOn } = anaAndBen();
    const newStage = addStage(a.doc, { title: 'Renewal' });
    undo.stopCapturing();
    const newLane = addLane(a.doc, { title: 'Channels', kind: 'touchpoint' });
    undo.stopCapturing();
    sync();
    const inStage = addCard(b.doc, { stageId: newStage, laneId: lane.id, text: 'Ben renews' })!;
    const inLane = addCard(b.doc, { stageId: stage.id, laneId: newLane, text: 'Ben calls' })!;
    sync();

    undo.undo();
    undo.undo();
    sync();
    const board = b.store.getSnapshot();
    expect(board.stages.find((s) => s.id === newStage)?.title).toBe('Renewal');
    expect(board.lanes.find((l) => l.id === newLane)?.title).toBe('Channels');
    for (const card of [inStage, inLane]) expect(cardOn('b', card)).toBeDefined();
    expect(keptPlaces).toEqual([[newLane], [newStage]]);
  });

  it('still undoes a stage nobody has put a card in', () => {
    const { a, sync, undo, keptPlaces } = anaAndBen();
    const newStage = addStage(a.doc, { title: 'Renewal' });
    undo.stopCapturing();
    sync();
    undo.undo();
    sync();
    expect(a.store.getSnapshot().stages.some((s) => s.id === newStage)).toBe(false);
    expect(keptPlaces).toEqual([]);
  });

  it('keeps, on redo, a deleted card that was brought back and then changed by others', () => {
    const { a, b, sync, undo, kept, addAnasCard, cardOn } = anaAndBen();
    const card = addAnasCard();
    deleteCard(a.doc, card);
    undo.stopCapturing();
    undo.undo(); // Ana brings her card back…
    sync();
    editCardText(b.doc, card, 'Ana', 'Ana, Ben'); // …Ben types into it…
    sync();

    undo.redo(); // …and Ana's redo of the deletion would take his text with it.
    sync();
    expect(cardOn('b', card)?.text).toBe('Ana, Ben');
    expect(kept).toEqual([[card]]);
  });

  it('leaves an edit of a card’s text that someone has rewritten since, and says so', () => {
    const { a, b, sync, undo, kept, keptTexts, addAnasCard, cardOn } = anaAndBen();
    const card = addAnasCard();
    editCardText(a.doc, card, 'Ana', 'Reads reviews and the fit guide');
    undo.stopCapturing();
    sync();
    editCardText(b.doc, card, 'Reads reviews and the fit guide', 'Reads the size chart twice');
    sync();

    undo.undo();
    sync();
    // It read "Reads the size chartreviews and the … twice": Ana's words out, the ones she had
    // replaced back, in among Ben's.
    for (const replica of ['a', 'b'] as const) {
      expect(cardOn(replica, card)?.text).toBe('Reads the size chart twice');
    }
    expect(keptTexts).toEqual([[card]]);
    expect(kept).toEqual([]);
    // The press spent itself on that edit: the card Ana added is the next step.
    expect(undo.canUndo()).toBe(true);
  });

  it('still undoes a text edit nobody has changed since', () => {
    const { a, b, sync, undo, keptTexts, addAnasCard, cardOn } = anaAndBen();
    const card = addAnasCard();
    editCardText(b.doc, card, 'Ana', 'Ana and Ben');
    sync();
    editCardText(a.doc, card, 'Ana and Ben', 'Ana and Ben, reviewed');
    undo.stopCapturing();
    sync();
    undo.undo();
    sync();
    expect(cardOn('b', card)?.text).toBe('Ana and Ben');
    expect(keptTexts).toEqual([]);
  });
});
