import { memo } from 'react';
import { useBoardActions, type Lane } from '../../board/use-board.ts';
import { InlineTextEdit } from '../common/inline-text-edit.tsx';
import { LANE_KIND_LABELS } from './lane-kinds.ts';

/** The sticky title cell at the start of a lane. */
export const LaneTitle = memo(function LaneTitle({ lane }: { lane: Lane }) {
  const actions = useBoardActions();
  const kindLabel = LANE_KIND_LABELS[lane.kind];
  return (
    <div className={`lane-title lane-kind--${lane.kind}`} data-lane-id={lane.id}>
      <InlineTextEdit
        className="lane-title__text"
        value={lane.title}
        editLabel={`Rename lane ${lane.title}`}
        inputLabel="Lane title"
        placeholder="Untitled lane"
        maxLength={80}
        onCommit={(title) => actions.renameLane(lane.id, title)}
      />
      {/* The kind only adds information when the title does not already say it. */}
      {kindLabel.toLowerCase() === lane.title.trim().toLowerCase() ? null : (
        <span className="lane-title__kind">
          <span className="lane-title__swatch" aria-hidden="true" />
          {kindLabel}
        </span>
      )}
    </div>
  );
});
