import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuthActions } from '../../auth/auth-actions.ts';
import { useOnline } from '../../offline/use-online.ts';
import { needsServer } from './needs-server.ts';
import { NewWorkspaceDialog } from './new-workspace-dialog.tsx';
import { UnavailableAction } from './unavailable-action.tsx';

/** The signed-in person: a new workspace, and signing out. */
export function AccountMenu({ userName }: { userName: string }) {
  const { signOut } = useAuthActions();
  const navigate = useNavigate();
  const online = useOnline();
  const [creating, setCreating] = useState(false);

  return (
    <span className="account-menu">
      {online ? (
        <button type="button" className="button button--ghost" onClick={() => setCreating(true)}>
          New workspace
        </button>
      ) : (
        <UnavailableAction
          label="New workspace"
          reason={needsServer('Creating a workspace')}
          className="button button--ghost button--unavailable"
        />
      )}
      <span className="account-menu__name muted">{userName}</span>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => void signOut().then(() => navigate('/signin'))}
      >
        Sign out
      </button>
      {creating ? <NewWorkspaceDialog onClose={() => setCreating(false)} /> : null}
    </span>
  );
}
