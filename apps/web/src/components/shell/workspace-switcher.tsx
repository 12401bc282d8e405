import type { TWorkspaceSummary } from '@journeyboard/shared';
import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useWorkspaceStore } from '../../auth/workspace-store.ts';

/**
 * Picks the workspace. On a workspace's own page (members, personas) it
 * opens the same page of the chosen workspace — a navigation, so the
 * browser's back button returns to the previous one.
 */
export function WorkspaceSwitcher({
  workspaces,
  current,
}: {
  workspaces: readonly TWorkspaceSummary[];
  current: TWorkspaceSummary;
}) {
  const setWorkspace = useWorkspaceStore((store) => store.setWorkspace);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selectId = useId();
  const choose = (id: string) => {
    setWorkspace(id);
    const page = /^\/workspaces\/[^/]+\/(.+)$/.exec(pathname)?.[1];
    if (page) void navigate(`/workspaces/${encodeURIComponent(id)}/${page}`);
  };
  return (
    <span className="workspace-switcher">
      <label className="visually-hidden" htmlFor={selectId}>
        Workspace
      </label>
      <select
        id={selectId}
        className="input workspace-switcher__select"
        value={current.id}
        onChange={(event) => choose(event.target.value)}
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </span>
  );
}
