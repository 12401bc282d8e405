import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { useAuthStore } from '../../auth/auth-store.ts';
import { useOnline } from '../../offline/use-online.ts';
import { needsServer } from './needs-server.ts';

/** The signed-in person: a new workspace, and signing out. */
export function AccountMenu({ userName }: { userName: string }) {
  const load = useAuthStore((store) => store.load);
  const setWorkspace = useAuthStore((store) => store.setWorkspace);
  const signOut = useAuthStore((store) => store.signOut);
  const navigate = useNavigate();
  const online = useOnline();
  const [error, setError] = useState<string | null>(null);

  const createWorkspace = async () => {
    const name = window.prompt('Name of the new workspace');
    if (!name) return;
    try {
      const workspace = await api.createWorkspace(name);
      await load();
      setWorkspace(workspace.id);
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
