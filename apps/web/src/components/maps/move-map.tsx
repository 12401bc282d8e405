import { routes, type TJourneyMap } from '@journeyboard/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAccount } from '../../auth/me.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { MoveIcon } from '../common/icons.tsx';
import { refetchChanged } from '../../api/query-client.ts';
import { FormProblem } from '../common/form-problem.tsx';

/**
 * "Move map" on a map in the list: offered when the map may be moved
 * (`map.move`) and there is another workspace this person manages (the
 * server checks both). Says before moving what happens to the personas.
 */
export function MoveMapButton({ map }: { map: TJourneyMap }) {
  const canMove = useCan('map.move');
  const me = useAccount();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const move = useMutation({
    mutationFn: (workspaceId: string) =>
      call(routes.maps.move, { params: { id: map.id }, body: { workspaceId } }),
    onSuccess: () => refetchChanged(queryClient, { queryKey: queryKeys.maps.all }),
  });
  const targets = (me?.workspaces ?? []).filter(
    (workspace) =>
      workspace.id !== map.workspaceId && workspace.capabilities?.includes('members.manage'),
  );
  if (!canMove || targets.length === 0) return null;
  const from =
    me?.workspaces.find((workspace) => workspace.id === map.workspaceId)?.name ?? 'its workspace';
  const chosen = target || targets[0]!.id;
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move map ${map.title}`}
        title="Move to another workspace"
        onClick={() => setOpen(true)}
      >
        <MoveIcon />
      </button>
      {open ? (
        <ConfirmDialog
          title={`Move “${map.title}”`}
          confirmLabel={move.isPending ? 'Moving…' : 'Move map'}
          busy={move.isPending}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setError(null);
            move.mutate(chosen, {
              onSuccess: () => setOpen(false),
              onError: (caught) => setError(errorMessage(caught)),
            });
          }}
        >
          <label className="field__label" htmlFor={selectId}>
            Move to workspace
          </label>
          <select
            id={selectId}
            className="input"
            value={chosen}
            onChange={(event) => setTarget(event.target.value)}
          >
            {targets.map((workspace) => (
              <option key={workspace.id} value={workspace.id}>
                {workspace.name}
              </option>
            ))}
          </select>
          <p>
            The board, its links, comments and votes move with the map. Personas of {from} linked to
            it are copied into the new workspace; the originals stay in {from}. Members of {from}{' '}
            who are not in the new workspace lose access.
          </p>
          <FormProblem>{error}</FormProblem>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
