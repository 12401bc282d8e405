import { useBoardActions, type Lane } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { ChevronIcon } from '../common/icons.tsx';
import type { LaneOpening } from './lane-opening.ts';

/**
 * A lane title's chevron. `edit`: an editor the lane isn't locked for collapses or opens it for
 * everyone. `locked` (an editor locked out by a facilitator) and `read` (a reader) may open a
 * lane collapsed on the board for themselves only, where the chevron used to do nothing, or
 * wasn't there; on an open lane a locked editor's chevron stays, disabled, in line with the
 * other lanes', and a reader has none. A lane a round holds open can't be closed.
 */
export function LaneCollapseToggle({
  lane,
  opening,
  access,
}: {
  /** As drawn here (lane-opening.ts). */
  lane: Lane;
  opening: LaneOpening;
  access: 'edit' | 'locked' | 'read';
}) {
  const actions = useBoardActions();
  const toggleOpenedLane = useUiStore((state) => state.toggleOpenedLane);
  const collapsedOnBoard = lane.collapsed || opening !== null;
  const onlyHere = opening === 'you' || (access !== 'edit' && collapsedOnBoard);
  const nothingToDo = access !== 'edit' && !collapsedOnBoard;
  if (nothingToDo && access === 'read') return null;
  const title =
    opening === 'round'
      ? 'Kept open while a round runs in this lane'
      : nothingToDo
        ? 'The lane is locked'
        : onlyHere
          ? 'Only for you: the lane stays collapsed for everyone else'
          : undefined;
  return (
    <button
      type="button"
      className="icon-button lane-title__collapse"
      aria-label={`${lane.collapsed ? 'Expand' : 'Collapse'} lane ${lane.title}`}
      aria-expanded={!lane.collapsed}
      disabled={opening === 'round' || nothingToDo}
      title={title}
      onClick={() =>
        onlyHere ? toggleOpenedLane(lane.id) : actions.setLaneCollapsed(lane.id, !lane.collapsed)
      }
    >
      <ChevronIcon direction={lane.collapsed ? 'right' : 'down'} />
    </button>
  );
}
