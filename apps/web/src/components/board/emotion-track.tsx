import { memo } from 'react';
import type { Lane, Stage } from '../../board/use-board.ts';
import { useBoardEditable } from './board-mode.ts';
import { EmotionCell } from './emotion-cell.tsx';
import { EmotionCurve } from './emotion-curve.tsx';
import { StaticEmotionCell } from './static-emotion-cell.tsx';
import './emotion.css';

/** The cells of an emotion lane with the curve drawn across them (sliders only when editable). */
export const EmotionTrack = memo(function EmotionTrack({
  lane,
  stages,
}: {
  lane: Lane;
  stages: readonly Stage[];
}) {
  const Cell = useBoardEditable() ? EmotionCell : StaticEmotionCell;
  return (
    <div className="emotion-track">
      <EmotionCurve laneId={lane.id} stages={stages} />
      {stages.map((stage) => (
        <Cell
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
