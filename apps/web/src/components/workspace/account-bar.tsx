import type { TWorkspaceSummary } from '@journeyboard/shared';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useAuthActions } from '../../auth/auth-actions.ts';
import { useAuthStore } from '../../auth/auth-store.ts';
import { useJoinWorkspace } from '../../workspaces/workspace-queries.ts';
import { MentionsLink } from '../comments/mentions-link.tsx';

/** Workspace switcher, members link, new workspace and sign-out: the map list's toolbar. */
export function AccountBar({
  workspaces,
  current,
  userName,
}: {
  workspaces: readonly TWorkspaceSummary[];
  current: TWorkspaceSummary;
  userName: string;
}) {
  const setWorkspace = useAuthStore((store) => store.setWorkspace);
  const { signOut } = useAuthActions();
  const joinWorkspace = useJoinWorkspace();
  const navigate = useNavigate();
  const selectId = useId();
  const [error, setError] = useState<string | null>(null);

  const createWorkspace = async () => {
    const name = window.prompt('Name of the new workspace');
    if (!name) return;
    try {
      await joinWorkspace.create(name);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <div className="account-bar">
      <label className="field__label" htmlFor={selectId}>
        Workspace
      </label>
      <select
        id={selectId}
        className="input account-bar__select"
        value={current.id}
        onChange={(event) => setWorkspace(event.target.value)}
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name} ({workspace.role})
          </option>
        ))}
      </select>
      <button type="button" className="button button--ghost" onClick={() => void createWorkspace()}>
        New workspace
      </button>
      {current.personal ? null : (
        <Link className="button button--ghost" to={`/workspaces/${current.id}/members`}>
          Members
        </Link>
      )}
      <Link className="button button--ghost" to={`/workspaces/${current.id}/personas`}>
        Personas
      </Link>
      <MentionsLink />
      <span className="account-bar__spacer" />
      <span className="muted">{userName}</span>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => void signOut().then(() => navigate('/signin'))}
      >
        Sign out
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
