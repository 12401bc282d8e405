import { useBoardActions, useHistory } from '../../board/use-board.ts';
import { RedoIcon, UndoIcon } from '../common/icons.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/** Undo/Redo of this person's own board changes (collaborators' edits are never undone). */
export function UndoRedoButtons() {
  const actions = useBoardActions();
  const { canUndo, canRedo } = useHistory();
  return (
    <div className="button-group" role="group" aria-label="History">
      <button
        type="button"
        className="button button--ghost"
        onClick={actions.undo}
        disabled={!canUndo}
        title={`Undo (${mod}Z)`}
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
