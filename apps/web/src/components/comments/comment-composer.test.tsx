import type { TMember } from '@journeyboard/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commentDrafts } from '../../state/comment-drafts.ts';
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

describe('CommentComposer drafts', () => {
  beforeEach(() => commentDrafts.forgetAll());

  function box(draftKey: string, onCancel?: () => void) {
    const onSubmit = vi.fn(async () => undefined);
    const view = render(
      <CommentComposer
        label="New comment on this card"
        submitLabel="Comment"
        members={members}
        draftKey={draftKey}
        onSubmit={onSubmit}
        {...(onCancel ? { onCancel } : {})}
      />,
    );
    return { ...view, onSubmit, input: screen.getByLabelText('New comment on this card') };
  }

  it('keeps what was typed when the box goes (another thread, the panel closed), until it is sent', async () => {
    const user = userEvent.setup();
    const first = box('new:map-1:card:c1');
    await user.type(first.input, 'Half a thought');
    first.unmount();
    // Another card's box starts empty…
    const other = box('new:map-1:card:c2');
    expect(other.input).toHaveValue('');
    other.unmount();
    // …and this card's has the text back.
    const again = box('new:map-1:card:c1');
    expect(again.input).toHaveValue('Half a thought');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(again.onSubmit).toHaveBeenCalledWith('Half a thought', []);
    again.unmount();
    expect(box('new:map-1:card:c1').input).toHaveValue('');
  });

  it('forgets a draft that is cancelled', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const first = box('reply:t1', onCancel);
    await user.type(first.input, 'Not now');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    first.unmount();
    expect(commentDrafts.has('reply:t1')).toBe(false);
  });
});
