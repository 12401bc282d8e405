import { memo } from 'react';
import type { Lane, Stage } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useLocks } from '../../workshop/lock-context.tsx';
import { useRunningRating } from '../../workshop/rating-queries.ts';
import { OwnRating } from '../workshop/everyone-rates.tsx';
import { useBoardEditable, useBoardMode } from './board-mode.ts';
import { EmotionCell } from './emotion-cell.tsx';
import { EmotionCurve } from './emotion-curve.tsx';
import { StaticEmotionCell } from './static-emotion-cell.tsx';
import './emotion.css';

/**
 * The cells of an emotion lane with the curve drawn across them: sliders only
 * where the person may edit — not in read-only modes, and not in a stage or
 * lane a facilitator locked (the same rule as card cells; the server undoes
 * such edits anyway). While everyone rates this lane, each cell also holds
 * this person's own score (OwnRating), and the team's curve and scores are faded.
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
  // While everyone rates this lane, each person's own score sits in the cell (not when
  // presenting: that screen shows the room).
  const running = useRunningRating();
  const canRate = useCan('emotion.rate');
  const mode = useBoardMode();
  const rating =
    running?.laneId === lane.id && canRate && (mode === 'edit' || mode === 'read-only');
  return (
    // The team's curve is faded while this person rates: in full view it anchored their scores
    // to it, which the round is there to avoid.
    <div className={`emotion-track${rating ? ' emotion-track--rating' : ''}`}>
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
            extra={
              rating && running ? (
                <OwnRating round={running} stageId={stage.id} stageTitle={stage.title} />
              ) : undefined
            }
          />
        );
      })}
    </div>
  );
});
