import { useId, useState } from 'react';
import { LANE_KINDS, useBoardActions, type LaneKind } from '../../board/use-board.ts';
import { PlusIcon } from '../common/icons.tsx';
import { LANE_KIND_LABELS } from './lane-kinds.ts';

/** Adds a lane of the chosen kind at the bottom of the board. */
export function AddLaneButton() {
  const actions = useBoardActions();
  const [kind, setKind] = useState<LaneKind>('notes');
  const selectId = useId();
  return (
    <div className="add-lane">
      <label className="visually-hidden" htmlFor={selectId}>
        Kind of the new lane
      </label>
      <select
        id={selectId}
        className="input input--small add-lane__kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as LaneKind)}
      >
        {LANE_KINDS.map((option) => (
          <option key={option} value={option}>
            {LANE_KIND_LABELS[option]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--ghost add-lane__button"
        onClick={() => actions.addLane(LANE_KIND_LABELS[kind], kind)}
      >
        <PlusIcon />
        Add lane
      </button>
    </div>
  );
}
