import { addStage, deleteCards, setCardText } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { addCardTo, collaboratorOf, makeTemplateDoc, readDoc } from './testing/board-fixture.tsx';
import type { ConnectionState } from './connection.ts';
import {
  describeUnsavedChanges,
  unsavedChangesText,
  watchUnsavedChanges,
} from './unsaved-changes.ts';
import { ValueStore } from './value-store.ts';

/** The server's board with two cards, and a device's copy of it. */
function serverAndDevice() {
  const server = makeTemplateDoc();
  const edited = addCardTo(server, 'Awareness', 'Touchpoints', 'Sees an ad');
  const deleted = addCardTo(server, 'Consideration', 'Pain points', 'Price hidden');
  return { server, device: collaboratorOf(server), edited, deleted };
}

const connectionState = (status: ConnectionState['status']): ConnectionState => ({
  status,
  hasSynced: status === 'live',
  pendingChanges: 0,
  nextAttemptAt: null,
});

describe('describeUnsavedChanges', () => {
  it('names each card the device added, deleted or edited, where it was', () => {
    const { server, device, edited, deleted } = serverAndDevice();
    addCardTo(device, 'Purchase', 'Pain points', 'Checkout asks twice');
    deleteCards(device, [deleted]);
    setCardText(device, edited, 'Sees an ad on TV');

    expect(describeUnsavedChanges(readDoc(server), readDoc(device)).lines).toEqual(
      expect.arrayContaining([
        'Added “Checkout asks twice” to Purchase · Pain points',
        'Removed “Price hidden” from Consideration',
        'Edited “Sees an ad” to “Sees an ad on TV”',
      ]),
    );
    expect(describeUnsavedChanges(readDoc(server), readDoc(device)).lines).toHaveLength(3);
  });

  it('names a stage added only on the device from the device’s board', () => {
    const { server, device } = serverAndDevice();
    addStage(device, { title: 'Renewal' });
    addCardTo(device, 'Renewal', 'Touchpoints', 'Reminder email');

    const { lines } = describeUnsavedChanges(readDoc(server), readDoc(device));
    expect(lines).toEqual([
      'Added the stage Renewal',
      'Added “Reminder email” to Renewal · Touchpoints',
    ]);
  });

  it('finds nothing when the device has nothing the server lacks', () => {
    const { server, device } = serverAndDevice();
    expect(describeUnsavedChanges(readDoc(server), readDoc(device)).lines).toEqual([]);
  });

  it('copies as plain text, one change a line', () => {
    expect(
      unsavedChangesText(['Added “A” to Purchase · Pain points', 'Removed “B” from Awareness']),
    ).toBe(
      'Changes made offline that were not saved:\n- Added “A” to Purchase · Pain points\n- Removed “B” from Awareness',
    );
  });
});

describe('watchUnsavedChanges', () => {
  it('compares once the server’s board is in (the session is live), not before', () => {
    const { server, device } = serverAndDevice();
    addCardTo(device, 'Purchase', 'Pain points', 'Checkout asks twice');
    const deviceBoard = readDoc(device);
    const fresh = makeTemplateDoc();
    let board = readDoc(fresh);
    const connection = new ValueStore(connectionState('connecting'));
    const unsaved = watchUnsavedChanges({ getSnapshot: () => board }, connection, deviceBoard);
    expect(unsaved.lines.getSnapshot()).toEqual([]);

    board = readDoc(server);
    connection.set(connectionState('live'));
    expect(unsaved.lines.getSnapshot()).toEqual([
      'Added “Checkout asks twice” to Purchase · Pain points',
    ]);
    // Compared once: what happens on the board later is not this list's business.
    board = readDoc(device);
    connection.set(connectionState('reconnecting'));
    connection.set(connectionState('live'));
    expect(unsaved.lines.getSnapshot()).toHaveLength(1);

    unsaved.dismiss();
    expect(unsaved.lines.getSnapshot()).toEqual([]);
    unsaved.dispose();
  });

  it('names a card changed here that someone else deleted meanwhile: it is in neither board', () => {
    const { server } = serverAndDevice();
    const board = readDoc(server);
    const [card] = [...board.cards.values()];
    const deletedMeanwhile = [
      {
        card: { ...card!, text: 'Ad is vague about the price' },
        laneKind: undefined,
        placeDeleted: false,
      },
    ];
    const unsaved = watchUnsavedChanges(
      { getSnapshot: () => board },
      new ValueStore(connectionState('live')),
      board,
      deletedMeanwhile,
    );
    expect(unsaved.lines.getSnapshot()).toEqual([
      'Changed “Ad is vague about the price”, a card someone else deleted meanwhile',
    ]);
    unsaved.dispose();
  });
});
