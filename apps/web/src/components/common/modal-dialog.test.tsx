import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ModalDialog } from './modal-dialog.tsx';

/** A page with a button behind the dialog, as the board's header has (Share, Export…). */
function Page({ closeOnBackdrop }: { closeOnBackdrop?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Share
      </button>
      <button type="button">Export</button>
      {open ? (
        <ModalDialog
          className="dialog"
          label="Share"
          onClose={() => setOpen(false)}
          {...(closeOnBackdrop === undefined ? {} : { closeOnBackdrop })}
        >
          <input aria-label="Expires" />
          <button type="button">Create link</button>
          <button type="button" onClick={() => setOpen(false)}>
            Done
          </button>
        </ModalDialog>
      ) : null}
    </>
  );
}

describe('ModalDialog', () => {
  it('takes focus when it opens, keeps Tab inside, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const share = screen.getByRole('button', { name: 'Share' });
    await user.click(share);
    const dialog = screen.getByRole('dialog', { name: 'Share' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('textbox', { name: 'Expires' })).toHaveFocus();

    await user.tab();
    expect(screen.getByRole('button', { name: 'Create link' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    // Past the last stop, Tab comes back to the first: never to Export behind the backdrop.
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Expires' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(share).toHaveFocus();
  });

  it('gives focus back when a button in it closes it', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Share' })).toHaveFocus();
  });

  it('stays open on a press beside it when what it holds would be lost', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Page closeOnBackdrop={false} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await user.pointer({
      keys: '[MouseLeft]',
      target: document.querySelector('.dialog-backdrop')!,
    });
    expect(screen.getByRole('dialog', { name: 'Share' })).toBeInTheDocument();
    unmount();

    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await user.pointer({
      keys: '[MouseLeft]',
      target: document.querySelector('.dialog-backdrop')!,
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('makes the page behind it inert while open, a dialog opened from it too, and gives it back', async () => {
    const user = userEvent.setup();
    function Nested() {
      const [second, setSecond] = useState(false);
      return (
        <ModalDialog className="dialog" label="First" onClose={() => {}}>
          <button type="button" onClick={() => setSecond(true)}>
            More
          </button>
          {second ? (
            <ModalDialog className="dialog" label="Second" onClose={() => setSecond(false)}>
              <button type="button">Fine</button>
            </ModalDialog>
          ) : null}
        </ModalDialog>
      );
    }
    const { container } = render(<Nested />);
    const first = screen.getByRole('dialog', { name: 'First' }).parentElement!;
    expect(container).toHaveAttribute('inert');
    expect(first).not.toHaveAttribute('inert');

    await user.click(screen.getByRole('button', { name: 'More' }));
    expect(first).toHaveAttribute('inert');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Second' })).toBeNull();
    expect(first).not.toHaveAttribute('inert');
    expect(container).toHaveAttribute('inert');
  });

  it('gives the page back when it closes', async () => {
    const user = userEvent.setup();
    const { container } = render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(container).toHaveAttribute('inert');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(container).not.toHaveAttribute('inert');
    expect(screen.getByRole('button', { name: 'Share' })).toHaveFocus();
  });

  it('gives focus to the dialog beneath when the button that opened it is gone (a link just revoked)', async () => {
    const user = userEvent.setup();
    function Links() {
      const [links, setLinks] = useState(['Link 1']);
      const [confirming, setConfirming] = useState<string | null>(null);
      return (
        <ModalDialog className="dialog" label="Share" onClose={() => {}}>
          {links.map((link) => (
            <button key={link} type="button" onClick={() => setConfirming(link)}>
              Revoke {link}
            </button>
          ))}
          {confirming ? (
            <ModalDialog className="dialog" label="Sure?" onClose={() => setConfirming(null)}>
              <button
                type="button"
                onClick={() => {
                  setLinks([]);
                  setConfirming(null);
                }}
              >
                Revoke it
              </button>
            </ModalDialog>
          ) : null}
        </ModalDialog>
      );
    }
    render(<Links />);
    await user.click(screen.getByRole('button', { name: 'Revoke Link 1' }));
    await user.click(screen.getByRole('button', { name: 'Revoke it' }));
    // Not the page's body: Escape and Tab still reach the share dialog.
    expect(screen.getByRole('dialog', { name: 'Share' })).toHaveFocus();
  });
});
