import type { CSSProperties } from 'react';
import { useLanes, useStages } from '../../board/use-board.ts';
import { CardDragAndDrop } from './card-drag-and-drop.tsx';
import { LaneRow } from './lane-row.tsx';
import { EMOTION_CHART_HEIGHT, LANE_TITLE_WIDTH, STAGE_COLUMN_WIDTH } from './layout.ts';
import { StageHeaderRow } from './stage-header-row.tsx';

/**
 * The journey grid: stages are columns, lanes are rows. It re-renders only
 * when the list of stages or lanes changes; cells and cards subscribe to
 * their own slices of the board.
 */
export function BoardView() {
  const stages = useStages();
  const lanes = useLanes();
  const style = {
    '--stage-width': `${STAGE_COLUMN_WIDTH}px`,
    '--lane-title-width': `${LANE_TITLE_WIDTH}px`,
    '--emotion-chart-height': `${EMOTION_CHART_HEIGHT}px`,
  } as CSSProperties;

  return (
    <div className="board-scroll">
      <div className="board" style={style} role="region" aria-label="Journey board">
        <StageHeaderRow stages={stages} />
        <CardDragAndDrop>
          {lanes.map((lane) => (
            <LaneRow key={lane.id} lane={lane} stages={stages} />
          ))}
        </CardDragAndDrop>
        {lanes.length === 0 ? <p className="board__empty">This board has no lanes yet.</p> : null}
      </div>
    </div>
  );
}
