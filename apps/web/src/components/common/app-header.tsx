import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useAccount } from '../../auth/me.ts';
import { currentWorkspace, useWorkspaceStore } from '../../auth/workspace-store.ts';
import { AccountMenu } from '../shell/account-menu.tsx';
import { AppNav } from '../shell/app-nav.tsx';
import { WorkspaceSwitcher } from '../shell/workspace-switcher.tsx';
import { LogoMark } from './icons.tsx';

/**
 * The top bar of every page but the board: the brand, and for a signed-in
 * account the app's navigation, the workspace switcher and the account.
 * The workspace is the page's own (`/workspaces/:workspaceId/…`), else the
 * one remembered on this device.
 */
export function AppHeader() {
  const { workspaceId } = useParams();
  const me = useAccount();
  const remembered = useWorkspaceStore((store) => store.workspaceId);
  const workspace = me ? currentWorkspace(me.workspaces, workspaceId ?? remembered) : undefined;
  const setWorkspace = useWorkspaceStore((store) => store.setWorkspace);
  // A workspace's page makes it the current one: "Maps" then lists its maps.
  useEffect(() => {
    if (workspace && workspaceId === workspace.id && remembered !== workspace.id) {
      setWorkspace(workspace.id);
    }
  }, [workspace, workspaceId, remembered, setWorkspace]);
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <LogoMark />
        <span className="brand__name">Journeyboard</span>
      </Link>
      {me && workspace ? (
        <>
          <AppNav workspace={workspace} />
          <span className="header-spacer" />
          <WorkspaceSwitcher workspaces={me.workspaces} current={workspace} />
          <AccountMenu userName={me.user.name} />
        </>
      ) : null}
    </header>
  );
}
