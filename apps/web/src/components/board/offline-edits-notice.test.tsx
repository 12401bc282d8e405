import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { createBoardSession } from '../../board/board-session.ts';
import {
  addCardTo,
  cellTexts,
  makeTemplateDoc,
  readDoc,
  renderWithBoardSession,
} from '../../board/testing/board-fixture.tsx';
import type { LostCard, MergedText } from '../../board/use-board.ts';
import { ValueStore } from '../../board/value-store.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { MergedTextNotice } from './merged-text-notice.tsx';
import { OfflineEditsNotice } from './offline-edits-notice.tsx';

/** A board, and the notice over it listing `lost` as the offline watch would. */
function renderNotice(lost: (doc: Y.Doc) => LostCard[], canEdit = true) {
  const doc = makeTemplateDoc();
  const entries = lost(doc);
  for (const { card } of entries) doc.getMap('cards').delete(card.id);
  const store = new ValueStore<readonly LostCard[]>(entries);
  const dismiss = vi.fn(() => store.set([]));
  const base = createBoardSession(doc);
  const session = { ...base, offlineEdits: { ...base.offlineEdits, lost: store, dismiss } };
  renderWithBoardSession(
    <CapabilitiesProvider map={canEdit ? ['map.read', 'board.edit'] : ['map.read']}>
      <OfflineEditsNotice />
    </CapabilitiesProvider>,
    session,
  );
  return { doc, dismiss };
}

/** A card as it was left (renderNotice deletes it), or as left where its stage was deleted. */
function lostCard(doc: Y.Doc, text: string, placeDeleted: boolean): LostCard {
  const id = addCardTo(doc, 'Awareness', 'Pain points', text);
  const card = readDoc(doc).cards.get(id)!;
  const moved = placeDeleted ? { ...card, stageId: 'a-deleted-stage' } : card;
  return { card: moved, laneKind: 'pain', placeDeleted };
}

describe('OfflineEditsNotice', () => {
  it('says a card was deleted, and puts it back where it was', async () => {
    const user = userEvent.setup();
    const { doc } = renderNotice((board) => [lostCard(board, 'Price hidden', false)]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'While you were offline, someone deleted a card you had changed: “Price hidden”.',
    );

    await user.click(screen.getByRole('button', { name: 'Put it back' }));
    expect(cellTexts(doc, 'Awareness', 'Pain points')).toEqual(['Price hidden']);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says when it was the stage or lane that was deleted, and puts the card in one that is shown', async () => {
    const user = userEvent.setup();
    const { doc } = renderNotice((board) => [
      lostCard(board, 'No parking', true),
      lostCard(board, 'Queue too long', true),
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'someone deleted the stages or lanes of 2 cards you had changed: “No parking” and “Queue too long”.',
    );

    await user.click(screen.getByRole('button', { name: 'Put them back' }));
    const firstStage = readDoc(doc).stages[0]!.title;
    expect(cellTexts(doc, firstStage, 'Pain points')).toEqual(['No parking', 'Queue too long']);
  });

  it('names both when some cards and some places were deleted; a viewer can only dismiss', async () => {
    const user = userEvent.setup();
    const { dismiss } = renderNotice(
      (board) => [
        lostCard(board, 'A', false),
        lostCard(board, 'B', true),
        lostCard(board, 'C', true),
      ],
      false,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'someone deleted 3 cards you had changed, or where they were: “A”, “B” and 1 more.',
    );
    expect(screen.queryByRole('button', { name: /Put/ })).toBeNull();
    await user.click(
      screen.getByRole('button', { name: 'Dismiss: deleted while you were offline' }),
    );
    expect(dismiss).toHaveBeenCalled();
  });
});

describe('MergedTextNotice', () => {
  it('says a card’s text holds two people’s rewrites, and puts back this person’s on request', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const id = addCardTo(doc, 'Awareness', 'Pain points', 'Offline editOnline edit');
    const store = new ValueStore<readonly MergedText[]>([
      { cardId: id, mine: 'Offline edit', merged: 'Offline editOnline edit' },
    ]);
    const base = createBoardSession(doc);
    const dismissMerged = vi.fn(() => store.set([]));
    renderWithBoardSession(
      <CapabilitiesProvider map={['map.read', 'board.edit']}>
        <MergedTextNotice />
      </CapabilitiesProvider>,
      { ...base, offlineEdits: { ...base.offlineEdits, merged: store, dismissMerged } },
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Someone else changed the text of a card while you were changing it, and the two were merged into “Offline editOnline edit”. Yours was “Offline edit”.',
    );

    await user.click(screen.getByRole('button', { name: 'Use my text' }));
    expect(readDoc(doc).cards.get(id)?.text).toBe('Offline edit');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
