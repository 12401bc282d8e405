import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useHistoryStore } from '../../history/history-store.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { editCardText } from '@journeyboard/shared/board';
import {
  addCardTo,
  cellTexts,
  collaboratorOf,
  readDoc,
  renderWithSession,
  syncInto,
} from '../../board/testing/board-fixture.tsx';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { BoardView } from './board-view.tsx';
import { UndoKeptNotice } from './undo-kept-notice.tsx';
import { UndoRedoButtons } from './undo-redo-buttons.tsx';
import { useUndoShortcuts } from './use-undo-shortcuts.ts';

function BoardWithHistory() {
  useUndoShortcuts();
  return (
    <>
      <UndoRedoButtons />
      <BoardView mode="edit" />
    </>
  );
}

/** I add a stage "Renewal", Ben puts a card in it, I press Undo: the stage is kept. */
async function undoAStageBenFilled() {
  const user = userEvent.setup();
  const { doc, session } = renderWithSession(
    <CapabilitiesProvider map={['map.read', 'board.edit']}>
      <UndoKeptNotice />
      <BoardWithHistory />
    </CapabilitiesProvider>,
  );
  act(() => void session.actions.addStage('Renewal'));
  const ben = collaboratorOf(doc);
  addCardTo(ben, 'Renewal', 'Touchpoints', 'Renewal reminder');
  act(() => syncInto(doc, ben));
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  return { user, doc, session };
}

beforeEach(() => {
  useUiStore.getState().reset();
  useHistoryStore.getState().reset();
});

describe('Undo and Redo', () => {
  it('undoes and redoes with the buttons, which disable themselves when there is nothing to do', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardWithHistory />);
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    expect(undo).toBeDisabled();
    expect(redo).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Add card to Opportunities in Advocacy' }));
    await user.keyboard('Referral bonus{Control>}{Enter}{/Control}');
    expect(cellTexts(doc, 'Advocacy', 'Opportunities')).toEqual(['Referral bonus']);

    // Adding a card and typing its first text is one step.
    await user.click(undo);
    expect(cellTexts(doc, 'Advocacy', 'Opportunities')).toEqual([]);
    expect(undo).toBeDisabled();

    await user.click(redo);
    expect(redo).toBeDisabled();
    expect(cellTexts(doc, 'Advocacy', 'Opportunities')).toEqual(['Referral bonus']);
    expect(screen.getByRole('listitem', { name: 'Referral bonus' })).toBeInTheDocument();
  });

  it('answers Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, but leaves text fields to the browser', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardWithHistory />);

    await user.click(screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }));
    await user.keyboard('Flyer');
    // While typing, Ctrl+Z belongs to the textarea: the card must survive.
    await user.keyboard('{Control>}z{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['']);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.queryByRole('textbox', { name: 'Card text' })).not.toBeInTheDocument();

    await user.keyboard('{Control>}z{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([]);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Flyer']);
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}y{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Flyer']);
    expect(screen.getAllByTestId('card')).toHaveLength(1);
  });

  it('leaves the live board alone while a version is drawn in its place', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardWithHistory />);
    await user.click(screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }));
    await user.keyboard('Flyer{Control>}{Enter}{/Control}');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeEnabled();

    act(() => useHistoryStore.getState().show({ kind: 'version', versionId: 'v1' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await user.keyboard('{Control>}z{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Flyer']);

    act(() => useHistoryStore.getState().backToLive());
    await user.keyboard('{Control>}z{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([]);
  });

  it('keeps a card someone else has typed into since, says so, and deletes it only when asked', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(
      <CapabilitiesProvider map={['map.read', 'board.edit']}>
        <UndoKeptNotice />
        <BoardWithHistory />
      </CapabilitiesProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }));
    await user.keyboard('Flyer{Control>}{Enter}{/Control}');
    const [cardId] = readDoc(doc).cards.keys();
    const ben = collaboratorOf(doc);
    editCardText(ben, cardId!, 'Flyer', 'Flyer with a QR code');
    act(() => syncInto(doc, ben));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Flyer with a QR code']);
    expect(
      screen.getByText(
        'Kept “Flyer with a QR code” on the board: others have changed it since, and deleting it would lose their work.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Delete it anyway' }));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([]);
    expect(screen.queryByText(/^Kept/)).not.toBeInTheDocument();
  });

  it('keeps a stage someone else has put a card in since, and deletes it only when asked', async () => {
    const { user, doc } = await undoAStageBenFilled();
    expect(cellTexts(doc, 'Renewal', 'Touchpoints')).toEqual(['Renewal reminder']);
    expect(
      screen.getByText(
        'Kept the stage “Renewal” on the board: cards others put in it are still there, and deleting it would lose their work.',
      ),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Delete it anyway' }));
    expect(readDoc(doc).stages.map((stage) => stage.title)).not.toContain('Renewal');
  });

  it('puts the notice away once the person does something else', async () => {
    const { session } = await undoAStageBenFilled();
    expect(screen.getByRole('button', { name: 'Delete it anyway' })).toBeVisible();

    act(() => void session.actions.addStage('Advocacy again'));
    expect(screen.queryByRole('button', { name: 'Delete it anyway' })).not.toBeInTheDocument();
  });
});
