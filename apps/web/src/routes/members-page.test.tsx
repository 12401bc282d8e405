import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { workspaceCapabilities, type TMember, type TMeResponse } from '@journeyboard/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../test/fetch-mock.ts';
import { seedMe, withQueries } from '../test/query-wrapper.tsx';
import { MembersPage } from './members-page.tsx';

const ada: TMember = { userId: 'u1', email: 'ada@example.test', name: 'Ada', role: 'owner' };
const bo: TMember = { userId: 'u2', email: 'bo@example.test', name: 'Bo', role: 'editor' };

/** Ada, an owner of workspace w1 (personal or a team's), on its Members page. */
function showMembers(members: TMember[], personal: boolean) {
  const me: TMeResponse = {
    kind: 'user',
    user: { id: 'u1', email: ada.email, name: 'Ada' },
    workspaces: [
      {
        id: 'w1',
        name: personal ? 'Ada’s maps' : 'Team',
        personal,
        role: 'owner',
        capabilities: workspaceCapabilities('owner'),
      },
    ],
  };
  seedMe({ me });
  mockApi({ 'GET /api/workspaces/w1/members': () => jsonResponse(200, { members, invites: [] }) });
  render(
    withQueries(
      <MemoryRouter initialEntries={['/workspaces/w1/members']}>
        <Routes>
          <Route path="/workspaces/:workspaceId/members" element={<MembersPage />} />
        </Routes>
      </MemoryRouter>,
    ),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the members of a workspace', () => {
  it('offers its only owner no other role and no Leave, which the server would refuse', async () => {
    showMembers([ada], true);
    const row = (await screen.findByRole('cell', { name: 'Ada' })).closest('tr')!;
    expect(within(row).getByText('Owner (the only one)')).toBeInTheDocument();
    expect(within(row).queryByRole('combobox')).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Leave' })).toBeNull();
  });

  it('lets an owner among others change roles and leave', async () => {
    showMembers([ada, { ...bo, role: 'owner' }], false);
    expect(await screen.findByRole('combobox', { name: 'Role of Ada' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leave' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Bo' })).toBeInTheDocument();
  });
});
