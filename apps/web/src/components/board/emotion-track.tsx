import { memo } from 'react';
import type { Lane, Stage } from '../../board/use-board.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { useBoardEditable } from './board-mode.ts';
import { EmotionCell } from './emotion-cell.tsx';
import { EmotionCurve } from './emotion-curve.tsx';
import { StaticEmotionCell } from './static-emotion-cell.tsx';
import './emotion.css';

/**
 * The cells of an emotion lane with the curve drawn across them: sliders only
 * where the person may edit — not in read-only modes, and not in a stage or
 * lane a facilitator locked (the same rule as card cells; the server undoes
 * such edits anyway).
 */
export const EmotionTrack = memo(function EmotionTrack({
  lane,
  stages,
}: {
  lane: Lane;
  stages: readonly Stage[];
}) {
  const editable = useBoardEditable();
  const { binding } = useLocks();
  return (
    <div className="emotion-track">
      <EmotionCurve laneId={lane.id} stages={stages} />
      {stages.map((stage) => {
        const Cell =
          editable && !binding.cellLocked(stage.id, lane.id) ? EmotionCell : StaticEmotionCell;
        return (
          <Cell
            key={stage.id}
            stageId={stage.id}
            laneId={lane.id}
            stageTitle={stage.title}
            laneTitle={lane.title}
          />
        );
      })}
    </div>
  );
});
