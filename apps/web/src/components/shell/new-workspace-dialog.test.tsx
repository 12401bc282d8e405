import { workspaceCapabilities } from '@journeyboard/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWorkspaceStore } from '../../auth/workspace-store.ts';
import { errorResponse, jsonResponse, mockApi } from '../../test/fetch-mock.ts';
import { withQueries } from '../../test/query-wrapper.tsx';
import { NewWorkspaceDialog } from './new-workspace-dialog.tsx';

afterEach(() => vi.unstubAllGlobals());

function renderDialog() {
  const onClose = vi.fn();
  render(withQueries(<MemoryRouter>{<NewWorkspaceDialog onClose={onClose} />}</MemoryRouter>));
  return { onClose, name: screen.getByRole('textbox', { name: 'Name' }) };
}

describe('NewWorkspaceDialog', () => {
  it('is a form dialog: the name field has focus, and an empty name is explained on it without a request', async () => {
    const api = mockApi({});
    const { name } = renderDialog();
    expect(screen.getByRole('dialog', { name: 'New workspace' })).toBeInTheDocument();
    expect(name).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/name/i);
    expect(api).not.toHaveBeenCalled();
  });

  it('creates the workspace on Enter, switches to it and closes', async () => {
    const research = {
      id: 'w2',
      name: 'Research',
      personal: false,
      role: 'owner',
      capabilities: workspaceCapabilities('owner'),
    };
    mockApi({
      'POST /api/workspaces': () => jsonResponse(201, research),
      'GET /api/me': () =>
        jsonResponse(200, {
          kind: 'user',
          user: { id: 'u1', email: 'ada@example.test', name: 'Ada' },
          workspaces: [research],
        }),
    });
    const { onClose } = renderDialog();
    await userEvent.keyboard('Research{Enter}');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(useWorkspaceStore.getState().workspaceId).toBe('w2');
  });

  it('keeps the server’s refusal on the field, and stays open', async () => {
    mockApi({
      'POST /api/workspaces': () =>
        errorResponse(400, 'VALIDATION_FAILED', 'Name must be at most 80 characters.'),
    });
    const second = renderDialog();
    await userEvent.type(second.name, 'Too long{Enter}');
    expect(await screen.findByText('Name must be at most 80 characters.')).toBeInTheDocument();
    expect(second.name).toHaveAccessibleDescription('Name must be at most 80 characters.');
    expect(second.onClose).not.toHaveBeenCalled();
  });
});
