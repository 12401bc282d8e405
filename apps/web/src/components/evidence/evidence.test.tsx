import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addCardTo,
  makeTemplateDoc,
  readDoc,
  renderWithSession,
} from '../../board/testing/board-fixture.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { BoardView } from '../board/board-view.tsx';

beforeEach(() => useUiStore.getState().reset());

describe('evidence on cards', () => {
  it('is set in the card editor, shown as a mark, and kept with its sources', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const id = addCardTo(doc, 'Purchase', 'Pain points', 'Shipping cost is a surprise');
    renderWithSession(<BoardView mode="edit" />, doc);

    await user.click(screen.getByRole('button', { name: 'Shipping cost is a surprise' }));
    expect(screen.getByRole('combobox', { name: 'Evidence' })).toHaveValue('');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Evidence' }), 'reported');
    await user.type(screen.getByRole('textbox', { name: 'Sources' }), 'Ticket 4521');
    await user.keyboard('{Escape}');
    expect(readDoc(doc).cards.get(id)).toMatchObject({
      evidence: 'reported',
      evidenceSources: 'Ticket 4521',
    });
    const card = screen.getByRole('listitem', { name: 'Shipping cost is a surprise' });
    expect(within(card).getByText('Evidence: Reported')).toBeInTheDocument();
    expect(card).toHaveAttribute('data-evidence', 'reported');
  });

  it('"Backed by evidence" marks the board so only observed and reported cards show', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    renderWithSession(<BoardView mode="read-only" />, doc);
    const filter = screen.getByRole('button', { name: /Backed by evidence/ });
    const board = screen.getByRole('region', { name: 'Journey board' });
    expect(board).not.toHaveAttribute('data-evidence-only');
    await user.click(filter);
    expect(filter).toHaveAttribute('aria-pressed', 'true');
    expect(board).toHaveAttribute('data-evidence-only');
    await user.click(screen.getByRole('button', { name: 'Evidence legend' }));
    expect(
      within(screen.getByRole('dialog', { name: 'Evidence legend' })).getByText('Hypothesised'),
    ).toBeInTheDocument();
  });
});
