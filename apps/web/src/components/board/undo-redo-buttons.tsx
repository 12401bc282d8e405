import { useBoardActions, useHistory } from '../../board/use-board.ts';
import { useLiveBoardShown } from '../../history/history-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { RedoIcon, UndoIcon } from '../common/icons.tsx';
import { isMac, MOD_KEY } from '../common/platform-keys.ts';

/** Undo/Redo of this person's own board changes (collaborators' edits are never undone). */
export function UndoRedoButtons() {
  const actions = useBoardActions();
  const history = useHistory();
  // Off while a version or comparison is drawn in the live board's place, and while the
  // board is locked for this person (use-undo-shortcuts.ts says why).
  const boardLocked = useLocks().binding.board;
  const live = useLiveBoardShown() && !boardLocked;
  const canUndo = live && history.canUndo;
  const canRedo = live && history.canRedo;
  return (
    <div className="button-group" role="group" aria-label="History">
      <button
        type="button"
        className="button button--ghost"
        onClick={actions.undo}
        disabled={!canUndo}
        title={`Undo (${isMac ? '⌘Z' : `${MOD_KEY}+Z`})`}
      >
        <UndoIcon />
        Undo
      </button>
      <button
        type="button"
        className="button button--ghost"
        onClick={actions.redo}
        disabled={!canRedo}
        title={`Redo (${isMac ? '⇧⌘Z' : 'Ctrl+Y'})`}
      >
        <RedoIcon />
        Redo
      </button>
    </div>
  );
}
