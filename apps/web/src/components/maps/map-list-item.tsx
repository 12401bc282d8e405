import { MapExportMenu } from './map-export-menu.tsx';
import type { TJourneyMap } from '@journeyboard/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { PencilIcon, TrashIcon } from '../common/icons.tsx';
import { InlineTextInput } from '../common/inline-text-edit.tsx';
import { RelativeTime } from '../common/relative-time.tsx';
import { useCan } from '../../capabilities/capabilities.tsx';
import { MoveMapButton } from './move-map.tsx';
import { LifecycleButton } from '../lifecycle/lifecycle-dialog.tsx';
import { LifecycleSummary } from '../lifecycle/lifecycle-summary.tsx';
import { FormProblem } from '../common/form-problem.tsx';

interface MapListItemProps {
  map: TJourneyMap;
  /** Without these (offline, or not allowed), the map can only be opened. */
  onRename?: (id: string, title: string) => Promise<void>;
  onDelete?: (id: string) => Promise<void>;
}

/** One map in the list: open it, rename it in place, or delete it after confirming. */
export function MapListItem({ map, ...actions }: MapListItemProps) {
  // Offered only when the server would allow it (the map's capabilities).
  const onRename = useCan('map.rename') ? actions.onRename : undefined;
  const onDelete = useCan('map.delete') ? actions.onDelete : undefined;
  const canExport = useCan('export');
  const canManage = useCan('map.lifecycle');
  const [renaming, setRenaming] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const href = `/maps/${encodeURIComponent(map.id)}`;

  const rename = async (title: string | null) => {
    setRenaming(false);
    if (title === null || !onRename) return;
    setError(null);
    try {
      await onRename(map.id, title);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const remove = async () => {
    if (!onDelete) return;
    setDeleting(true);
    setError(null);
    try {
      await onDelete(map.id);
    } catch (caught) {
      setError(errorMessage(caught));
      setDeleting(false);
      setConfirmingDelete(false);
    }
  };

  return (
    <li className="map-card" data-testid="map-item" data-map-id={map.id}>
      <div className="map-card__body">
        {renaming ? (
          <InlineTextInput
            className="map-card__title-input"
            value={map.title}
            inputLabel="Map title"
            maxLength={120}
            onDone={(next) => void rename(next)}
          />
        ) : (
          <h3 className="map-card__title">
            <Link to={href} className="map-card__link">
              {map.title}
            </Link>
          </h3>
        )}
        {map.description ? <p className="map-card__description">{map.description}</p> : null}
        {map.lifecycle ? <LifecycleSummary lifecycle={map.lifecycle} /> : null}
        <p className="map-card__meta">
          Updated <RelativeTime iso={map.updatedAt} />
        </p>
        <FormProblem>{error}</FormProblem>
      </div>
      {onRename || onDelete || canExport || canManage ? (
        <div className="map-card__actions">
          <MapExportMenu map={map} />
          {actions.onRename ? <LifecycleButton map={map} /> : null}
          {onRename ? (
            <button
              type="button"
              className="icon-button"
              aria-label={`Rename map ${map.title}`}
              onClick={() => setRenaming(true)}
            >
              <PencilIcon />
            </button>
          ) : null}
          {onDelete ? <MoveMapButton map={map} /> : null}
          {onDelete ? (
            <button
              type="button"
              className="icon-button icon-button--danger"
              aria-label={`Delete map ${map.title}`}
              onClick={() => setConfirmingDelete(true)}
            >
              <TrashIcon />
            </button>
          ) : null}
        </div>
      ) : null}
      {confirmingDelete ? (
        <ConfirmDialog
          title={`Delete “${map.title}”?`}
          confirmLabel={deleting ? 'Deleting…' : 'Delete map'}
          busy={deleting}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => void remove()}
        >
          <p>The map and its board are deleted for everyone. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
