import { LANE_KIND_DEFINITIONS } from '@journeyboard/shared/board';
import { useBoardActions } from '../../board/use-board.ts';
import { PlusIcon } from '../common/icons.tsx';
import { MenuButton } from '../common/menu-button.tsx';
import { MenuItem } from '../common/menu-popup.tsx';
import type { Anchoring } from '../common/use-anchored-popup.ts';
import { LaneKindIcon } from '../lane-kinds/lane-kind-icon.tsx';
import './lane.css';
import { useLocks } from '../../workshop/lock-context.tsx';

/**
 * "Add lane" at the bottom of the board: a menu of the lane kinds (icon, name,
 * what the lane is for); the chosen one is added at the bottom, titled with
 * the kind's name.
 *
 * A menu of buttons rather than a `<select>` on purpose: a `<select>` inside
 * the zoomed canvas made Chromium lay out and repaint the whole board on
 * every frame of a pinch or Ctrl + wheel zoom (docs/benchmarks.md, issue #14);
 * canvas.test.tsx keeps selects out of the canvas.
 */
export function AddLaneButton() {
  const { binding } = useLocks();
  const actions = useBoardActions();
  // The structure is locked for this participant: nothing to add (the server would undo it).
  if (binding.structure) return <div className="add-lane" />;
  return (
    <div className="add-lane">
      <MenuButton
        content={
          <>
            <PlusIcon />
            Add lane
          </>
        }
        buttonClassName="button button--ghost add-lane__button"
        menuLabel="Kind of the new lane"
        menuClassName="add-lane__menu"
        anchoring={OVER_THE_BUTTON}
      >
        {(run) =>
          LANE_KIND_DEFINITIONS.map((entry) => (
            <MenuItem
              key={entry.kind}
              className="add-lane__kind"
              // Back to the button, ready to add another.
              onClick={run(() => actions.addLane(entry.label, entry.kind))}
            >
              <LaneKindIcon kind={entry.kind} />
              <span className="add-lane__kind-text">
                <span className="add-lane__kind-name">{entry.label}</span>
                <span className="add-lane__kind-hint">{entry.description}</span>
              </span>
            </MenuItem>
          ))
        }
      </MenuButton>
    </div>
  );
}

/**
 * Upwards: the button ends the board. Inside the board's scroller, as the menu
 * was when the scroller clipped it: on a board of few (or collapsed) lanes it
 * opens below the button instead.
 */
const OVER_THE_BUTTON: Anchoring = {
  placement: 'top-start',
  gap: 4,
  within: (button) => button.closest('.board-scroll'),
};
