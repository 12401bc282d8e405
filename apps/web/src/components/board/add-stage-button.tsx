import { useBoardActions } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { PlusIcon } from '../common/icons.tsx';

/** Appends a stage and opens its title for typing straight away. */
export function AddStageButton() {
  const actions = useBoardActions();
  const startEditingStage = useUiStore((state) => state.startEditingStage);
  return (
    <div className="add-stage-column">
      <button
        type="button"
        className="button button--ghost add-stage"
        onClick={() => startEditingStage(actions.addStage('New stage'))}
      >
        <PlusIcon />
        Add stage
      </button>
    </div>
  );
}
