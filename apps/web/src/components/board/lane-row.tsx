import { memo } from 'react';
import type { Lane, Stage } from '../../board/use-board.ts';
import { CardCell } from './card-cell.tsx';
import { EmotionTrack } from './emotion-track.tsx';
import { LaneTitle } from './lane-title.tsx';

interface LaneRowProps {
  lane: Lane;
  stages: readonly Stage[];
}

/** One lane: its title, then a cell per stage (cards, or emotion scores in an emotion lane). */
export const LaneRow = memo(function LaneRow({ lane, stages }: LaneRowProps) {
  return (
    <div
      className={`board-row lane-row lane-kind--${lane.kind}`}
      data-testid="lane"
      data-lane-id={lane.id}
    >
      <LaneTitle lane={lane} />
      {lane.kind === 'emotion' ? (
        <EmotionTrack lane={lane} stages={stages} />
      ) : (
        stages.map((stage) => (
          <CardCell
            key={stage.id}
            stageId={stage.id}
            laneId={lane.id}
            stageTitle={stage.title}
            laneTitle={lane.title}
          />
        ))
      )}
      <div className="board-row__end" aria-hidden="true" />
    </div>
  );
});
