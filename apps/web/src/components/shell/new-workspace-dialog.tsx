import { routes, ZCreateWorkspaceRequest } from '@journeyboard/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { call, errorMessage } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { refetchChanged } from '../../api/query-client.ts';
import { useJoinWorkspace } from '../../workspaces/workspace-queries.ts';
import { FormDialog } from '../common/form-dialog.tsx';

/**
 * "New workspace": its name, checked here with the server's own rule before
 * anything is sent; created, it becomes the current workspace and opens on
 * its maps, or on its members (`then="members"`: made in order to invite).
 * With `bringMap` (a personal map's Share dialog) that map moves into it
 * first, so the people invited next find it there.
 */
export function NewWorkspaceDialog({
  onClose,
  then = 'maps',
  bringMap,
}: {
  onClose: () => void;
  then?: 'maps' | 'members';
  bringMap?: { id: string; title: string };
}) {
  const joinWorkspace = useJoinWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const create = async () => {
    const checked = ZCreateWorkspaceRequest.safeParse({ name });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Check the name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const workspace = await joinWorkspace.create(checked.data.name);
      if (bringMap) {
        try {
          await call(routes.maps.move, {
            params: { id: bringMap.id },
            body: { workspaceId: workspace.id },
          });
          await refetchChanged(queryClient, { queryKey: queryKeys.maps.all });
        } catch (caught) {
          // The workspace is made: say what is left to do rather than offer to make it again.
          setError(
            `${checked.data.name} was created, but “${bringMap.title}” could not be moved into it: ${errorMessage(caught)} Move it from the list of maps.`,
          );
          setBusy(false);
          return;
        }
      }
      onClose();
      void navigate(
        then === 'members' ? `/workspaces/${encodeURIComponent(workspace.id)}/members` : '/',
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title="New workspace"
      className="new-workspace-dialog"
      submitLabel="Create workspace"
      busy={busy}
      problem={error}
      problemId={errorId}
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
      onClose={onClose}
    >
      <p className="muted">
        Maps and personas you share with the people you invite.
        {bringMap ? ` “${bringMap.title}” moves into it, with its board, links and comments.` : ''}
      </p>
      <label className="field">
        <span className="field__label">Name</span>
        <input
          className="input"
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}
