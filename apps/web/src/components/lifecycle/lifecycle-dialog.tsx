import {
  MAP_STATUSES,
  MAP_STATUS_LABELS,
  type MapStatus,
  type TJourneyMap,
} from '@journeyboard/shared';
import { useState, type FormEvent, type MouseEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useUpdateLifecycle } from '../../lifecycle/lifecycle-queries.ts';
import { useMembers } from '../../workspaces/workspace-queries.ts';
import { FormDialog } from '../common/form-dialog.tsx';
import { LifecycleIcon } from '../common/icons.tsx';

/**
 * "Status and review" of a map (its managers: `map.lifecycle`): status,
 * owner (a member of the map's workspace), next review day and how often
 * to review. Archiving is choosing "Archived"; any other status restores.
 */
export function LifecycleButton({ map, label }: { map: TJourneyMap; label?: string }) {
  const canManage = useCan('map.lifecycle');
  const [open, setOpen] = useState(false);
  if (!canManage || !map.lifecycle) return null;
  // Opened from the status menu (a popover, drawn in the top layer above
  // any dialog): the menu closes, or it would stay on top of the dialog.
  const openDialog = (event: MouseEvent<HTMLButtonElement>) => {
    event.currentTarget.closest<HTMLElement>('[popover]')?.hidePopover();
    setOpen(true);
  };
  return (
    <>
      {label ? (
        <button type="button" className="button button--ghost" onClick={openDialog}>
          <LifecycleIcon /> {label}
        </button>
      ) : (
        <button
          type="button"
          className="icon-button"
          aria-label={`Status and review of ${map.title}`}
          title="Status, owner and review"
          onClick={() => setOpen(true)}
        >
          <LifecycleIcon />
        </button>
      )}
      {open ? <LifecycleDialog map={map} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function LifecycleDialog({ map, onClose }: { map: TJourneyMap; onClose: () => void }) {
  const lifecycle = map.lifecycle!;
  const update = useUpdateLifecycle(map.id);
  const members = useMembers(map.workspaceId).data?.members ?? [];
  const [status, setStatus] = useState<MapStatus>(lifecycle.status);
  const [ownerId, setOwnerId] = useState(lifecycle.owner?.id ?? '');
  const [nextReviewOn, setNextReviewOn] = useState(lifecycle.nextReviewOn ?? '');
  const [intervalDays, setIntervalDays] = useState(String(lifecycle.reviewIntervalDays));
  const [error, setError] = useState<string | null>(null);
  // The current owner stays choosable even when the member list has not loaded (or they left).
  const owners =
    lifecycle.owner && !members.some((m) => m.userId === lifecycle.owner?.id)
      ? [{ userId: lifecycle.owner.id, name: lifecycle.owner.name }, ...members]
      : members;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    update.mutate(
      {
        status,
        ownerId: ownerId || null,
        nextReviewOn: nextReviewOn || null,
        reviewIntervalDays: Number(intervalDays),
      },
      { onSuccess: onClose, onError: (caught) => setError(errorMessage(caught)) },
    );
  };
  return (
    <FormDialog
      title={`Status and review of “${map.title}”`}
      className="lifecycle-dialog"
      submitLabel={update.isPending ? 'Saving…' : 'Save'}
      busy={update.isPending}
      problem={error}
      onClose={onClose}
      onSubmit={save}
    >
      <div className="lifecycle-form">
        <label className="field">
          <span className="field__label">Status</span>
          <select
            className="input"
            value={status}
            onChange={(event) => setStatus(event.target.value as MapStatus)}
          >
            {MAP_STATUSES.map((value) => (
              <option key={value} value={value}>
                {MAP_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Owner</span>
          <select
            className="input"
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
          >
            <option value="">Nobody yet</option>
            {owners.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Next review</span>
          <input
            className="input"
            type="date"
            value={nextReviewOn}
            onChange={(event) => setNextReviewOn(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">Review every (days)</span>
          <input
            className="input"
            type="number"
            min={1}
            max={730}
            value={intervalDays}
            onChange={(event) => setIntervalDays(event.target.value)}
          />
        </label>
        {status === 'archived' && lifecycle.status !== 'archived' ? (
          <p className="muted">
            Archived maps leave the map list but stay searchable; choose another status to bring it
            back.
          </p>
        ) : null}
      </div>
    </FormDialog>
  );
}
