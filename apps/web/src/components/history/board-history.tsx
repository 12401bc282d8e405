import { restoreStepOf, versionTitle } from '@journeyboard/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useConnection } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useHistoryStore } from '../../history/history-store.ts';
import { useRecordVisit, useVersionActions } from '../../history/version-queries.ts';
import { Notice } from '../common/notice.tsx';
import { HistoryBoard } from './history-board.tsx';
import { VersionsPanel, VersionsToggle } from './versions-panel.tsx';

/**
 * The map's history on a board page (the editor's and a share link's): the
 * header's toggle, the versions panel, the history view in place of the
 * live board, and the notice when someone restored a version. All of it
 * only with `version.read`.
 */
export function HistoryToggle() {
  return useCan('version.read') ? <VersionsToggle /> : null;
}

/** The live board (`children`), or the version / comparison someone chose to look at. */
export function BoardOrHistory({ children }: { children: ReactNode }) {
  const view = useHistoryStore((state) => state.view);
  const { hasSynced } = useConnection();
  useRecordVisit();
  // The history belongs to this page only.
  useEffect(() => () => useHistoryStore.getState().reset(), []);
  return view && hasSynced ? <HistoryBoard view={view} /> : <>{children}</>;
}

/** The versions list, while its panel is open and no version is on show. */
export function VersionsPanelSlot() {
  const open = useHistoryStore((state) => state.panelOpen && state.view === null);
  const canRead = useCan('version.read');
  return open && canRead ? <VersionsPanel /> : null;
}

/**
 * "Ana restored “Before Q3 workshop”.", until dismissed — with "Undo restore"
 * for whoever may restore: it restores the board as it was just before.
 * Restoring the board as it was before a restore is that restore's undo, and
 * is called so ("Ana undid a restore…", with "Redo restore"); restoring the
 * board as it was before an undo redoes the restore (restoreStepOf).
 */
export function HistoryNotice() {
  const notice = useHistoryStore((state) => state.notice);
  const canRestore = useCan('version.restore');
  const { restore } = useVersionActions();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!notice) return null;
  const { who, restored, before } = notice;
  const step = restoreStepOf(restored);
  const undo = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await restore(before.id);
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Notice
      actions={
        canRestore ? (
          <button type="button" className="button" disabled={busy} onClick={() => void undo()}>
            {busy ? 'Undoing…' : step === 'undo' ? 'Redo restore' : 'Undo restore'}
          </button>
        ) : null
      }
      problem={problem}
      dismiss={{
        label: 'Dismiss: version restored',
        onClick: () => useHistoryStore.getState().say(null),
      }}
    >
      {step === 'undo'
        ? `${who} undid a restore: the board is as it was before it.`
        : step === 'redo'
          ? `${who} redid a restore: the board is as it was before the undo.`
          : `${who} restored “${versionTitle(restored)}”.`}
    </Notice>
  );
}
