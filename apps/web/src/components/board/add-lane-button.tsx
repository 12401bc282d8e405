import { LANE_KIND_DEFINITIONS, laneKindOf } from '@journeyboard/shared/board';
import { useId, useState } from 'react';
import { useBoardActions, type LaneKind } from '../../board/use-board.ts';
import { PlusIcon } from '../common/icons.tsx';
import './lane.css';
import { useLocks } from '../../workshop/lock-context.tsx';

/** Adds a lane of the chosen kind at the bottom of the board, titled with the kind's name. */
export function AddLaneButton() {
  const { binding } = useLocks();
  const actions = useBoardActions();
  const [kind, setKind] = useState<LaneKind>('notes');
  const selectId = useId();
  // The structure is locked for this participant: nothing to add (the server would undo it).
  if (binding.structure) return <div className="add-lane" />;
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
        {LANE_KIND_DEFINITIONS.map((entry) => (
          <option key={entry.kind} value={entry.kind}>
            {entry.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--ghost add-lane__button"
        onClick={() => actions.addLane(laneKindOf(kind).label, kind)}
      >
        <PlusIcon />
        Add lane
      </button>
    </div>
  );
}
