import { useBoardActions, useHistory } from '../../board/use-board.ts';
import { useLiveBoardShown } from '../../history/history-store.ts';
import { RedoIcon, UndoIcon } from '../common/icons.tsx';
import { isMac, MOD_KEY } from '../common/platform-keys.ts';

/** Undo/Redo of this person's own board changes (collaborators' edits are never undone). */
export function UndoRedoButtons() {
  const actions = useBoardActions();
  const history = useHistory();
  // Off while a version or comparison is drawn in the live board's place.
  const live = useLiveBoardShown();
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
