import { laneKindOf } from '@journeyboard/shared/board';
import { memo } from 'react';
import type { Lane } from '../../board/use-board.ts';
import { LaneKindIcon } from '../lane-kinds/lane-kind-icon.tsx';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import { useBoardHasTools } from './board-mode.ts';
import { ChangeMarkLabel, changeMarkClass, useChangeMark } from './change-marks.tsx';
import { LaneCollapseToggle } from './lane-collapse-toggle.tsx';
import type { LaneOpening } from './lane-opening.ts';
import './lane.css';

/**
 * A lane's title cell outside the editor: its icon, title and kind, and for
 * a collapsed lane the chevron that opens it for this reader only; in a
 * comparison, whether the lane was added, renamed, moved or removed.
 */
export const StaticLaneTitle = memo(function StaticLaneTitle({
  lane,
  opening = null,
}: {
  /** As drawn here (lane-opening.ts). */
  lane: Lane;
  opening?: LaneOpening;
}) {
  const kind = laneKindOf(lane.kind);
  // A reader may open a collapsed lane for themselves; not on paper or for a room.
  const tools = useBoardHasTools();
  const change = useChangeMark('lanes', lane.id);
  return (
    <div
      className={`lane-title ${laneColorClass(lane.kind)}${changeMarkClass(change, 'lane-title')}`}
      data-lane-id={lane.id}
      data-change={change?.mark}
    >
      {change ? <ChangeMarkLabel mark={change.mark} /> : null}
      <div className="lane-title__top">
        {tools ? <LaneCollapseToggle lane={lane} opening={opening} access="read" /> : null}
        <span className="lane-title__text lane-title__text--static">
          {lane.title || 'Untitled lane'}
        </span>
      </div>
      <div className="lane-title__bottom">
        <span className="lane-title__kind" title={kind.description}>
          <LaneKindIcon kind={lane.kind} />
          {kind.label.toLowerCase() === lane.title.trim().toLowerCase() ? null : kind.label}
        </span>
      </div>
    </div>
  );
});
