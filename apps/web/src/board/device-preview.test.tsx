import { snapshotFromJson, snapshotToJson } from '@journeyboard/shared/board';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardView } from '../components/board/board-view.tsx';
import { createBoardSession } from './board-session.ts';
import type { LocalCopy } from './local-copy.ts';
import {
  addCardTo,
  cellTexts,
  makeTemplateDoc,
  readDoc,
  renderWithBoardSession,
} from './testing/board-fixture.tsx';

/**
 * A reload: this device holds the board's document and its preview; the
 * preview is there at once, the document only when `decode()` is called.
 */
function reloadWithPreview() {
  const stored = makeTemplateDoc();
  const cardId = addCardTo(stored, 'Awareness', 'Touchpoints', 'Sees an ad');
  const preview = snapshotFromJson(snapshotToJson(readDoc(stored)))!;
  const doc = new Y.Doc();
  let decoded!: (found: boolean) => void;
  const localCopy: LocalCopy = {
    preview: Promise.resolve(preview),
    loaded: new Promise<boolean>((resolve) => (decoded = resolve)),
    keepPreview: () => () => {},
    unsent: { read: () => Promise.resolve([]), write: () => {} },
    clear: () => {},
    destroy: () => {},
  };
  const session = createBoardSession(doc, { localCopy });
  const decode = () => {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored), 'this device');
    decoded(true);
  };
  const storedClients = [...stored.store.clients.keys()];
  return { doc, session, cardId, decode, storedClients };
}

const cardsIn = (lane: string, stage: string) =>
  within(screen.getByRole('group', { name: `${lane} in ${stage}` }))
    .queryAllByTestId('card')
    .map((card) => card.getAttribute('aria-label'));

describe('a board drawn from this device’s preview', () => {
  it('shows the cards before the document is decoded, and writes nothing to the empty document', async () => {
    const { doc, session, decode, storedClients } = reloadWithPreview();
    renderWithBoardSession(<BoardView mode="edit" />, session);

    await waitFor(() => expect(cardsIn('Touchpoints', 'Awareness')).toEqual(['Sees an ad']));
    // The board's health check waits for the document: it would otherwise
    // "upgrade" the empty document's missing format version.
    expect(doc.store.clients.size).toBe(0);

    await act(async () => decode());
    expect(cardsIn('Touchpoints', 'Awareness')).toEqual(['Sees an ad']);
    expect([...doc.store.clients.keys()]).toEqual(storedClients);
  });

  it('holds actions taken before the document is in, and runs them on it in order', async () => {
    const { doc, session, cardId, decode } = reloadWithPreview();
    await waitFor(() => expect(session.store.showsPreview()).toBe(true));
    const { stages, lanes } = session.store.getSnapshot();
    const [awareness] = stages;
    const touchpoints = lanes.find((lane) => lane.title === 'Touchpoints')!;

    session.actions.setCardText(cardId, 'Sees a billboard');
    // A new card's id comes back at once, so the caller can open it for typing.
    const added = session.actions.addCard(awareness!.id, touchpoints.id, 'Asks a friend');
    expect(added).toEqual(expect.any(String));
    expect(doc.store.clients.size).toBe(0);

    decode();
    await waitFor(() =>
      expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([
        'Sees a billboard',
        'Asks a friend',
      ]),
    );
    expect(readDoc(doc).cards.get(added!)?.text).toBe('Asks a friend');
    expect(session.store.showsPreview()).toBe(false);
    session.destroy();
  });

  it('undoes an edit when the undo, too, was pressed before the document was in', async () => {
    const { doc, session, cardId, decode } = reloadWithPreview();
    await waitFor(() => expect(session.store.showsPreview()).toBe(true));

    session.actions.setCardText(cardId, 'Sees a billboard');
    session.actions.undo();
    decode();

    await waitFor(() => expect(session.history.getSnapshot().canRedo).toBe(true));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Sees an ad']);
    session.destroy();
  });
});
