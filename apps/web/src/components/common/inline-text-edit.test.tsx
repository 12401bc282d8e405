import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { InlineTextEdit } from './inline-text-edit.tsx';

function setup(allowEmpty: boolean) {
  const onCommit = vi.fn();
  render(
    <InlineTextEdit
      value="Old text"
      onCommit={onCommit}
      editLabel="Edit text"
      inputLabel="Text"
      allowEmpty={allowEmpty}
    />,
  );
  return onCommit;
}

describe('InlineTextEdit', () => {
  it('never saves a blank title', async () => {
    const onCommit = setup(false);
    await userEvent.click(screen.getByRole('button', { name: /^Edit text/ }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Text' }));
    await userEvent.keyboard('{Enter}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: /^Edit text/ })).toHaveTextContent('Old text');
  });

  it('lets optional text such as a stage description be cleared', async () => {
    const onCommit = setup(true);
    await userEvent.click(screen.getByRole('button', { name: /^Edit text/ }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Text' }));
    await userEvent.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledWith('');
  });
});
