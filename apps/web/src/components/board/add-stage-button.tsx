import { useBoardActions } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { PlusIcon } from '../common/icons.tsx';
import { useLocks } from '../../workshop/lock-context.tsx';

/** Appends a stage and opens its title for typing straight away. */
export function AddStageButton() {
  const { binding } = useLocks();
  const actions = useBoardActions();
  const startEditingStage = useUiStore((state) => state.startEditingStage);
  // The structure is locked for this participant: nothing to add (the server would undo it).
  if (binding.structure) return <div className="add-stage-column" />;
  return (
    <div className="add-stage-column">
      <button
        type="button"
        className="button button--ghost add-stage"
        onClick={() => {
          const stageId = actions.addStage('New stage');
          if (stageId) startEditingStage(stageId);
        }}
      >
        <PlusIcon />
        Add stage
      </button>
    </div>
  );
}
