import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useAuthActions } from '../../auth/auth-actions.ts';
import { useOnline } from '../../offline/use-online.ts';
import { useJoinWorkspace } from '../../workspaces/workspace-queries.ts';
import { needsServer } from './needs-server.ts';

/** The signed-in person: a new workspace, and signing out. */
export function AccountMenu({ userName }: { userName: string }) {
  const { signOut } = useAuthActions();
  const joinWorkspace = useJoinWorkspace();
  const navigate = useNavigate();
  const online = useOnline();
  const [error, setError] = useState<string | null>(null);

  const createWorkspace = async () => {
    const name = window.prompt('Name of the new workspace');
    if (!name) return;
    try {
      await joinWorkspace.create(name);
      void navigate('/');
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <span className="account-menu">
      <button
        type="button"
        className="button button--ghost"
        disabled={!online}
        title={online ? undefined : needsServer('Creating a workspace')}
        onClick={() => void createWorkspace()}
      >
        New workspace
      </button>
      <span className="account-menu__name muted">{userName}</span>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => void signOut().then(() => navigate('/signin'))}
      >
        Sign out
      </button>
      {error ? (
        <p className="form-error account-menu__error" role="alert">
          {error}
        </p>
      ) : null}
    </span>
  );
}
