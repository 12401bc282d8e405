import { laneKindOf } from '@journeyboard/shared/board';
import { memo } from 'react';
import type { Lane } from '../../board/use-board.ts';
import { LaneKindIcon } from '../lane-kinds/lane-kind-icon.tsx';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import { ChangeMarkLabel, changeMarkClass, useChangeMark } from './change-marks.tsx';
import './lane.css';

/**
 * A lane's title cell outside the editor: its icon, title and kind, nothing
 * to press; in a comparison, whether the lane was added, renamed, moved or
 * removed.
 */
export const StaticLaneTitle = memo(function StaticLaneTitle({ lane }: { lane: Lane }) {
  const kind = laneKindOf(lane.kind);
  const change = useChangeMark('lanes', lane.id);
  return (
    <div
      className={`lane-title ${laneColorClass(lane.kind)}${changeMarkClass(change, 'lane-title')}`}
      data-lane-id={lane.id}
      data-change={change?.mark}
    >
      {change ? <ChangeMarkLabel mark={change.mark} /> : null}
      <div className="lane-title__top">
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
