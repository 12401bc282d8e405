import type { TMember } from '@journeyboard/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommentComposer } from './comment-composer.tsx';

const member = (name: string): TMember => ({
  userId: `id-${name}`,
  email: `${name.split(' ')[0]?.toLowerCase()}@example.test`,
  name,
  role: 'editor',
});
const members = [member('Fran Facilitator'), member('Fran'), member('Alice Owner')];

function renderComposer(onCancel = vi.fn()) {
  const onSubmit = vi.fn(async () => undefined);
  render(
    <CommentComposer
      label="Reply"
      submitLabel="Send"
      members={members}
      autoFocus
      onSubmit={onSubmit}
      onCancel={onCancel}
    />,
  );
  return { onSubmit, onCancel, box: screen.getByLabelText('Reply') };
}

describe('CommentComposer @mentions', () => {
  it('offers the members after "@"; arrows move, Enter picks and closes the list', async () => {
    const user = userEvent.setup();
    const { box, onSubmit } = renderComposer();
    expect(box).toHaveFocus();
    await user.type(box, 'Hi @fra');
    const list = screen.getByRole('listbox', { name: 'People to mention' });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Fran fran@example.test',
      'Fran Facilitator fran@example.test',
    ]);
    expect(box).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{Enter}');
    expect(list).not.toBeInTheDocument();
    expect(box).toHaveValue('Hi @Fran Facilitator ');
    await user.type(box, 'thanks');
    expect(screen.getByText('Notifies Fran Facilitator')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledWith('Hi @Fran Facilitator thanks', ['id-Fran Facilitator']);
  });

  it('Escape closes the suggestions only, not the reply', async () => {
    const user = userEvent.setup();
    const { box, onCancel } = renderComposer();
    await user.type(box, '@al');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(onCancel).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });

  it('says who a typed "@Full Name" will notify, longest name first', async () => {
    const user = userEvent.setup();
    const { box } = renderComposer();
    await user.type(box, 'cc @Fran Facilitator and @fran.');
    expect(screen.getByText('Notifies Fran Facilitator, Fran')).toBeInTheDocument();
  });
});
