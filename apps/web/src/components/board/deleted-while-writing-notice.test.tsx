import { deleteCard, deleteStage } from '@journeyboard/shared/board';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addCardTo,
  cellTexts,
  collaboratorOf,
  idsByTitle,
  makeTemplateDoc,
  renderWithSession,
  syncInto,
} from '../../board/testing/board-fixture.tsx';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { BoardView } from './board-view.tsx';
import { DeletedWhileWritingNotice } from './deleted-while-writing-notice.tsx';

beforeEach(() => useUiStore.getState().reset());

/** The board with its notice, someone writing in “Welcome email”, and a collaborator. */
async function writingWhenDeleted(typed: string, canEdit = true) {
  const user = userEvent.setup();
  const doc = makeTemplateDoc();
  const id = addCardTo(doc, 'Awareness', 'Touchpoints', 'Welcome email');
  renderWithSession(
    <CapabilitiesProvider map={canEdit ? ['map.read', 'board.edit'] : ['map.read']}>
      <DeletedWhileWritingNotice />
      <BoardView mode="edit" />
    </CapabilitiesProvider>,
    doc,
  );
  await user.click(screen.getByRole('button', { name: 'Welcome email' }));
  if (typed) await user.type(screen.getByRole('textbox', { name: 'Card text' }), typed);
  return { user, doc, id, collaborator: collaboratorOf(doc) };
}

describe('a card deleted by someone else while it is being written', () => {
  it('says so with what was typed, and puts it back where it was, still open', async () => {
    const { user, doc, id, collaborator } = await writingWhenDeleted(' with a checklist');
    deleteCard(collaborator, id);
    act(() => syncInto(doc, collaborator));

    expect(screen.getByText(/^Someone deleted/)).toHaveTextContent(
      'Someone deleted the card you were writing: “Welcome email with a checklist”.',
    );
    await user.click(screen.getByRole('button', { name: 'Put it back' }));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Welcome email with a checklist']);
    expect(screen.getByRole('textbox', { name: 'Card text' })).toHaveValue(
      'Welcome email with a checklist',
    );
    expect(screen.queryByText(/Someone deleted/)).not.toBeInTheDocument();
  });

  it('says so when the card went with its stage; dismissed, the editor is closed for good', async () => {
    const { user, doc, collaborator } = await writingWhenDeleted(' today');
    deleteStage(collaborator, idsByTitle(doc).stage('Awareness'));
    act(() => syncInto(doc, collaborator));
    // The stage went, not the card: the notice says so, and where "Put it back" puts it.
    expect(screen.getByText(/^Someone deleted/)).toHaveTextContent(
      'Someone deleted the stage of the card you were writing: “Welcome email today”.',
    );
    expect(
      screen.getByRole('button', { name: 'Put it back in “Consideration”, Touchpoints' }),
    ).toBeVisible();
    await user.click(
      screen.getByRole('button', { name: 'Dismiss: deleted while you were writing it' }),
    );
    expect(screen.queryByText(/Someone deleted/)).not.toBeInTheDocument();
    expect(useUiStore.getState().editingCardId).toBeNull();
  });

  it('says nothing when nothing had been typed', async () => {
    const { doc, id, collaborator } = await writingWhenDeleted('');
    deleteCard(collaborator, id);
    act(() => syncInto(doc, collaborator));
    expect(screen.queryByText(/Someone deleted/)).not.toBeInTheDocument();
  });

  it('tells someone who can no longer edit what was not saved, with nothing to put back', async () => {
    const { doc, id, collaborator } = await writingWhenDeleted(' today', false);
    deleteCard(collaborator, id);
    act(() => syncInto(doc, collaborator));
    expect(screen.getByText(/was not saved/)).toHaveTextContent(
      'The card you were writing was not saved: “Welcome email today”.',
    );
    expect(screen.queryByRole('button', { name: 'Put it back' })).not.toBeInTheDocument();
  });
});
