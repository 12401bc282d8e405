import { LANE_KIND_DEFINITIONS } from '@journeyboard/shared/board';
import { useState } from 'react';
import { useBoardActions } from '../../board/use-board.ts';
import { PlusIcon } from '../common/icons.tsx';
import { MenuItem, MenuPopup } from '../common/menu-popup.tsx';
import { useMenu } from '../common/use-menu.ts';
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
  const { open, toggle, close, buttonRef, menuRef, onMenuKeyDown } = useMenu();
  const [placement, setPlacement] = useState<Placement>({ below: false, maxHeight: undefined });
  // The structure is locked for this participant: nothing to add (the server would undo it).
  if (binding.structure) return <div className="add-lane" />;
  return (
    <div className="add-lane">
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost add-lane__button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          if (!open && buttonRef.current) setPlacement(placeMenu(buttonRef.current));
          toggle();
        }}
      >
        <PlusIcon />
        Add lane
      </button>
      {open ? (
        <MenuPopup
          menuRef={menuRef}
          onKeyDown={onMenuKeyDown}
          label="Kind of the new lane"
          className={placement.below ? 'add-lane__menu add-lane__menu--below' : 'add-lane__menu'}
          style={{ maxHeight: placement.maxHeight }}
        >
          {LANE_KIND_DEFINITIONS.map((entry) => (
            <MenuItem
              key={entry.kind}
              className="add-lane__kind"
              onClick={() => {
                // Back to the button, ready to add another.
                close();
                actions.addLane(entry.label, entry.kind);
              }}
            >
              <LaneKindIcon kind={entry.kind} />
              <span className="add-lane__kind-text">
                <span className="add-lane__kind-name">{entry.label}</span>
                <span className="add-lane__kind-hint">{entry.description}</span>
              </span>
            </MenuItem>
          ))}
        </MenuPopup>
      ) : null}
    </div>
  );
}

/** Where the kinds menu opens, and how tall it may be (CSS pixels at the button's scale). */
interface Placement {
  readonly below: boolean;
  readonly maxHeight: number | undefined;
}

/**
 * Upwards (the button ends the board) unless there is more room below it
 * inside the board's scroller, as on a board with few lanes; no taller than
 * that room, scrolling inside beyond it.
 */
function placeMenu(button: HTMLElement): Placement {
  const scroller = button.closest('.board-scroll');
  if (!scroller) return { below: false, maxHeight: undefined };
  const box = button.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  // The button is drawn at the board's zoom times the titles' own scale.
  const scale = button.offsetHeight > 0 ? box.height / button.offsetHeight : 1;
  const above = box.top - view.top;
  const below = view.bottom - box.bottom;
  const room = Math.max(above, below) - 16;
  return { below: below > above, maxHeight: Math.max(room / scale, 120) };
}
