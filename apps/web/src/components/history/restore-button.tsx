import { versionTitle, type TBoardVersion } from '@journeyboard/shared';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useHistoryStore } from '../../history/history-store.ts';
import { useVersionActions } from '../../history/version-queries.ts';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { FormProblem } from '../common/form-problem.tsx';

/**
 * Restore, with a confirm: the whole map goes back to this version for
 * everyone connected, as one change that can itself be undone (the board
 * just before is kept as a version). Only with `version.restore`.
 */
export function RestoreButton({ version }: { version: TBoardVersion }) {
  const canRestore = useCan('version.restore');
  const { restore } = useVersionActions();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canRestore) return null;
  const title = versionTitle(version);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await restore(version.id);
      setConfirming(false);
      useHistoryStore.getState().backToLive();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--ghost" onClick={() => setConfirming(true)}>
        Restore
      </button>
      {confirming ? (
        <ConfirmDialog
          title={`Restore “${title}”?`}
          confirmLabel="Restore this version"
          busy={busy}
          onConfirm={() => void run()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            The whole map goes back to how it was then, for everyone who has it open. The map as it
            is now is kept as a version, so you can undo this by restoring that one.
          </p>
          <FormProblem>{error}</FormProblem>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
