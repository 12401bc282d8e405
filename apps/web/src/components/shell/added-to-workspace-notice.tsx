import { WORKSPACE_ROLE_LABELS, type TWorkspaceSummary } from '@journeyboard/shared';
import { useState } from 'react';
import { useAccount } from '../../auth/me.ts';
import { currentWorkspace, useWorkspaceStore } from '../../auth/workspace-store.ts';
import { useAcknowledgeAdded } from '../../workspaces/workspace-queries.ts';
import { Notice } from '../common/notice.tsx';
import { errorMessage } from '../../api/client.ts';

/**
 * "Ana added you to Research (Editor).", once per workspace someone else
 * added this account to, until it is opened or dismissed: being added
 * directly sends no email, so this is how a person learns of it.
 */
export function AddedToWorkspaceNotice() {
  const me = useAccount();
  const remembered = useWorkspaceStore((store) => store.workspaceId);
  const added = me?.workspaces.filter((workspace) => workspace.addedBy !== undefined) ?? [];
  if (!me || added.length === 0) return null;
  const current = currentWorkspace(me.workspaces, remembered);
  return (
    <div className="added-notices">
      {added.map((workspace) => (
        <AddedNotice
          key={workspace.id}
          workspace={workspace}
          isCurrent={workspace.id === current?.id}
        />
      ))}
    </div>
  );
}

function AddedNotice({
  workspace,
  isCurrent,
}: {
  workspace: TWorkspaceSummary;
  isCurrent: boolean;
}) {
  const acknowledge = useAcknowledgeAdded();
  const [problem, setProblem] = useState<string | null>(null);
  const done = async (open: boolean) => {
    setProblem(null);
    if (open) useWorkspaceStore.getState().setWorkspace(workspace.id);
    try {
      await acknowledge(workspace.id);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  };
  return (
    <Notice
      className="added-notice"
      actions={
        isCurrent ? null : (
          <button type="button" className="button" onClick={() => void done(true)}>
            Open {workspace.name}
          </button>
        )
      }
      problem={problem}
      dismiss={{ label: `Dismiss: added to ${workspace.name}`, onClick: () => void done(false) }}
    >
      {workspace.addedBy} added you to <strong>{workspace.name}</strong> (
      {WORKSPACE_ROLE_LABELS[workspace.role]}).
    </Notice>
  );
}
