import {
  BoardStore,
  deleteCard,
  deleteStage,
  setCardText,
  updateCard,
} from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ConnectionState, ConnectionStatus } from './connection.ts';
import { watchOfflineEdits, type UnsentCard, type UnsentCardsKeeper } from './offline-edits.ts';
import { addCardTo, idsByTitle, makeTemplateDoc } from './testing/board-fixture.tsx';
import { ValueStore } from './value-store.ts';

/**
 * This device (`mine`) and the server's copy (`theirs`), a connection status
 * set by hand, and `reconnect()`: the server's changes arrive, then "live".
 */
function setup(kept: readonly UnsentCard[] = []) {
  const theirs = makeTemplateDoc();
  const cardId = addCardTo(theirs, 'Awareness', 'Touchpoints', 'Sees an ad');
  const other = addCardTo(theirs, 'Awareness', 'Touchpoints', 'Reads a review');
  const mine = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), 'server');
  const store = new BoardStore(mine);
  const connection = new ValueStore<ConnectionState>({
    status: 'live',
    hasSynced: true,
    pendingChanges: 0,
    nextAttemptAt: null,
  });
  const setStatus = (status: ConnectionStatus) =>
    connection.update((current) => ({ ...current, status }));
  const written: (readonly UnsentCard[])[] = [];
  const keeper: UnsentCardsKeeper = {
    read: () => Promise.resolve(kept),
    write: (cards) => written.push(cards),
  };
  const watch = watchOfflineEdits(store, connection, keeper);
  const reconnect = () => {
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)), 'server');
    setStatus('live');
  };
  const lostTexts = () => watch.lost.getSnapshot().map(({ card }) => card.text);
  return { theirs, mine, store, cardId, other, setStatus, reconnect, watch, written, lostTexts };
}

/** A page that opens on a live board. */
const reloadedConnection = () =>
  new ValueStore<ConnectionState>({
    status: 'live',
    hasSynced: true,
    pendingChanges: 0,
    nextAttemptAt: null,
  });

describe('watchOfflineEdits', () => {
  it('lists a card changed offline that someone deleted meanwhile, as it was left here', async () => {
    const { theirs, mine, cardId, setStatus, reconnect, watch, written, lostTexts } = setup();
    await Promise.resolve();
    setStatus('offline');
    setCardText(mine, cardId, 'Sees an ad on the train');
    updateCard(mine, cardId, { color: 'red' });
    deleteCard(theirs, cardId);
    expect(lostTexts()).toEqual([]);

    reconnect();
    expect(mine.getMap('cards').has(cardId)).toBe(false);
    expect(watch.lost.getSnapshot()).toEqual([
      {
        card: expect.objectContaining({
          id: cardId,
          text: 'Sees an ad on the train',
          color: 'red',
        }),
        laneKind: 'touchpoint',
        placeDeleted: false,
      },
    ]);
    // Kept on the device while offline, and while it is listed: a reload before choosing lost
    // the changes for good. Forgotten once dismissed (or put back).
    expect(written[0]?.map(({ card }) => card.text)).toEqual(['Sees an ad on the train']);
    expect(written.at(-1)?.map(({ card }) => card.text)).toEqual(['Sees an ad on the train']);

    // The next page (a reload) lists it again, from what was kept.
    const reloaded = watchOfflineEdits(new BoardStore(mine), reloadedConnection(), {
      read: () => Promise.resolve(written.at(-1) ?? []),
      write: () => {},
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(reloaded.lost.getSnapshot().map(({ card }) => card.text)).toEqual([
      'Sees an ad on the train',
    ]);

    watch.dismiss();
    expect(lostTexts()).toEqual([]);
    expect(written.at(-1)).toEqual([]);
  });

  it('lists a card added offline to a stage someone deleted meanwhile (no cell shows it)', async () => {
    const { theirs, mine, setStatus, reconnect, watch, lostTexts } = setup();
    await Promise.resolve();
    setStatus('offline');
    const added = addCardTo(mine, 'Awareness', 'Pain points', 'Could not find the price');
    deleteStage(theirs, idsByTitle(theirs).stage('Awareness'));

    reconnect();
    // The merge keeps the card, in a stage that is gone.
    expect(mine.getMap('cards').has(added)).toBe(true);
    expect(lostTexts()).toEqual(['Could not find the price']);
    expect(watch.lost.getSnapshot()[0]).toMatchObject({
      laneKind: 'pain',
      placeDeleted: true,
    });
  });

  it('lists nothing when the changed card is still there, or this person deleted it', async () => {
    const { mine, cardId, other, setStatus, reconnect, lostTexts } = setup();
    await Promise.resolve();
    setStatus('reconnecting');
    setCardText(mine, cardId, 'kept');
    setCardText(mine, other, 'then deleted');
    deleteCard(mine, other);
    reconnect();
    expect(lostTexts()).toEqual([]);
  });

  it('lists a card whose text was rewritten here and there meanwhile, with what was written here', async () => {
    const { theirs, mine, store, cardId, other, setStatus, reconnect, watch, written } = setup();
    await Promise.resolve();
    setStatus('offline');
    setCardText(mine, cardId, 'Offline edit');
    updateCard(mine, other, { color: 'red' });
    setCardText(theirs, cardId, 'Online edit');
    setCardText(theirs, other, 'Reads two reviews');

    reconnect();
    // Both rewrites are in the card; the card only recoloured here is no conflict.
    expect(watch.merged.getSnapshot()).toEqual([
      {
        cardId,
        mine: 'Offline edit',
        merged: store.getSnapshot().cards.get(cardId)!.text,
      },
    ]);
    expect(watch.merged.getSnapshot()[0]!.merged).toMatch(/Offline edit|Online edit/);
    expect(watch.merged.getSnapshot()[0]!.merged.length).toBeGreaterThan('Online edit'.length);
    // Kept while listed: a reload before choosing lists it again (it left the merge untold).
    expect(written.at(-1)?.map(({ card }) => card.id)).toEqual([cardId]);
    watch.dismissMerged();
    expect(watch.merged.getSnapshot()).toEqual([]);
    expect(written.at(-1)).toEqual([]);
  });

  it('drops a text conflict once the card is changed again: choosing then would undo that change too', async () => {
    const { theirs, mine, cardId, other, setStatus, reconnect, watch } = setup();
    await Promise.resolve();
    setStatus('offline');
    setCardText(mine, cardId, 'Offline edit');
    setCardText(mine, other, 'Offline too');
    setCardText(theirs, cardId, 'Online edit');
    setCardText(theirs, other, 'Online too');
    reconnect();
    expect(watch.merged.getSnapshot().map((entry) => entry.cardId)).toEqual([cardId, other]);

    // Minutes later a teammate tidies one of them: only the other is still in question.
    setCardText(theirs, cardId, 'Tidied by a teammate');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)), 'server');
    expect(watch.merged.getSnapshot().map((entry) => entry.cardId)).toEqual([other]);
    // A colour is no change to the words in question.
    updateCard(mine, other, { color: 'red' });
    expect(watch.merged.getSnapshot()).toHaveLength(1);
  });

  it('lists no text conflict when only this side changed the text', async () => {
    const { mine, cardId, setStatus, reconnect, watch } = setup();
    await Promise.resolve();
    setStatus('offline');
    setCardText(mine, cardId, 'Offline edit');
    reconnect();
    expect(watch.merged.getSnapshot()).toEqual([]);
  });

  it('does not count changes made while live', async () => {
    const { theirs, mine, cardId, setStatus, reconnect, lostTexts } = setup();
    await Promise.resolve();
    setCardText(mine, cardId, 'sent at once');
    setStatus('offline');
    deleteCard(theirs, cardId);
    reconnect();
    expect(lostTexts()).toEqual([]);
  });

  it('checks the cards an earlier page load kept, once the server has answered', async () => {
    const earlier = setup();
    await Promise.resolve();
    earlier.setStatus('offline');
    setCardText(earlier.mine, earlier.cardId, 'changed before the reload');
    const kept = earlier.written.at(-1)!;

    // The reload: a fresh watch reads what was kept; the card was deleted meanwhile.
    // (Its card ids are new: the card kept is not on this board.)
    const reloaded = setup(kept);
    reloaded.setStatus('connecting');
    await Promise.resolve();
    expect(reloaded.lostTexts()).toEqual([]);
    reloaded.reconnect();
    expect(reloaded.lostTexts()).toEqual(['changed before the reload']);

    // A reload that was live before the kept list was read.
    const fast = setup(kept);
    await Promise.resolve();
    expect(fast.lostTexts()).toEqual(['changed before the reload']);
  });
});
