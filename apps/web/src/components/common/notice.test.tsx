import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Notice } from './notice.tsx';

describe('Notice', () => {
  it('is a status with its action, a problem read out as an alert, and a close button named for what it closes', async () => {
    const close = vi.fn();
    render(
      <Notice
        actions={<button type="button">Undo restore</button>}
        problem="The server is not reachable."
        dismiss={{ label: 'Dismiss: version restored', onClick: close }}
      >
        Ana restored “Before Q3”.
      </Notice>,
    );
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Ana restored “Before Q3”.Undo restore');
    expect(screen.getByRole('alert')).toHaveTextContent('The server is not reachable.');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: version restored' }));
    expect(close).toHaveBeenCalledOnce();
  });

  it('has no close button or alert when it is given none', () => {
    render(<Notice>This board was repaired when it opened.</Notice>);
    expect(screen.getByRole('status')).toHaveTextContent('This board was repaired when it opened.');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
