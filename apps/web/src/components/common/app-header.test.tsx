import { workspaceCapabilities, type TMeResponse } from '@journeyboard/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWorkspaceStore } from '../../auth/workspace-store.ts';
import { jsonResponse, mockApi } from '../../test/fetch-mock.ts';
import { seedMe, withQueries } from '../../test/query-wrapper.tsx';
import { AppHeader } from './app-header.tsx';

const me: TMeResponse = {
  kind: 'user',
  user: { id: 'u1', email: 'ada@example.test', name: 'Ada' },
  workspaces: [
    {
      id: 'mine',
      name: 'Ada’s maps',
      personal: true,
      role: 'owner',
      capabilities: workspaceCapabilities('owner'),
    },
    {
      id: 'team',
      name: 'Team',
      personal: false,
      role: 'editor',
      capabilities: workspaceCapabilities('editor'),
    },
  ],
};

function Where() {
  return <p>At {useLocation().pathname}</p>;
}

function renderAt(path: string) {
  const page = (
    <>
      <AppHeader />
      <Where />
    </>
  );
  return render(
    withQueries(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={page} />
          <Route path="/workspaces/:workspaceId/personas" element={page} />
          <Route path="/workspaces/:workspaceId/members" element={page} />
        </Routes>
      </MemoryRouter>,
    ),
  );
}

beforeEach(() => {
  seedMe({ me });
  useWorkspaceStore.setState({ workspaceId: 'mine' });
  mockApi({ 'GET /api/me/mentions': () => jsonResponse(200, { mentions: [], unread: 2 }) });
});
afterEach(() => vi.unstubAllGlobals());

describe('AppHeader', () => {
  it('links every page of the workspace the page is about, and marks the current one', async () => {
    renderAt('/workspaces/team/members');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Maps' })).toHaveAttribute('href', '/');
    expect(within(nav).getByRole('link', { name: 'Personas' })).toHaveAttribute(
      'href',
      '/workspaces/team/personas',
    );
    expect(within(nav).getByRole('link', { name: 'Members' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(await within(nav).findByRole('link', { name: 'Mentions (2)' })).toHaveAttribute(
      'href',
      '/mentions',
    );
    expect(screen.getByRole('combobox', { name: 'Workspace' })).toHaveValue('team');
    // Visiting a workspace's page makes it the one the map list shows.
    expect(useWorkspaceStore.getState().workspaceId).toBe('team');
  });

  it('offers Members in a personal workspace too: it is where people look to invite', () => {
    renderAt('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Members' })).toHaveAttribute(
      'href',
      '/workspaces/mine/members',
    );
    expect(screen.getByRole('combobox', { name: 'Workspace' })).toHaveValue('mine');
  });

  it('switching workspace on a workspace page opens that page of the other one', async () => {
    const user = userEvent.setup();
    renderAt('/workspaces/mine/personas');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Workspace' }), 'team');
    expect(screen.getByText('At /workspaces/team/personas')).toBeInTheDocument();
  });
});
