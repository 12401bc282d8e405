import { memo } from 'react';
import type { Lane, Stage } from '../../board/use-board.ts';
import { EmotionCell } from './emotion-cell.tsx';
import { EmotionCurve } from './emotion-curve.tsx';

/** The cells of an emotion lane with the curve drawn across them. */
export const EmotionTrack = memo(function EmotionTrack({
  lane,
  stages,
}: {
  lane: Lane;
  stages: readonly Stage[];
}) {
  return (
    <div className="emotion-track">
      <EmotionCurve laneId={lane.id} stages={stages} />
      {stages.map((stage) => (
        <EmotionCell
          key={stage.id}
          stageId={stage.id}
          laneId={lane.id}
          stageTitle={stage.title}
          laneTitle={lane.title}
        />
      ))}
    </div>
  );
});
