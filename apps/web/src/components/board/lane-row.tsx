import { holdsCards } from '@journeyboard/shared/board';
import { memo } from 'react';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import type { Lane, Stage } from '../../board/use-board.ts';
import { CardCell } from './card-cell.tsx';
import { CollapsedLaneCells } from './collapsed-lane-cells.tsx';
import { EmotionTrack } from './emotion-track.tsx';
import { useBoardEditable } from './board-mode.ts';
import { useLaneOpening } from './lane-opening.ts';
import { LaneTitle } from './lane-title.tsx';
import { StaticLaneTitle } from './static-lane-title.tsx';
import './lane.css';

interface LaneRowProps {
  lane: Lane;
  stages: readonly Stage[];
}

/** One lane: its title, then a cell per stage (cards, or emotion scores in an emotion lane). */
export const LaneRow = memo(function LaneRow({ lane: stored, stages }: LaneRowProps) {
  const editable = useBoardEditable();
  const { lane, opening } = useLaneOpening(stored);
  let cells;
  if (lane.collapsed) cells = <CollapsedLaneCells lane={lane} stages={stages} />;
  else if (!holdsCards(lane.kind)) cells = <EmotionTrack lane={lane} stages={stages} />;
  else {
    cells = stages.map((stage) => (
      <CardCell
        key={stage.id}
        stageId={stage.id}
        laneId={lane.id}
        laneKind={lane.kind}
        stageTitle={stage.title}
        laneTitle={lane.title}
      />
    ));
  }
  return (
    <div
      className={`board-row lane-row ${laneColorClass(lane.kind)}${lane.collapsed ? ' lane-row--collapsed' : ''}`}
      data-testid="lane"
      data-lane-id={lane.id}
    >
      {editable ? (
        <LaneTitle lane={lane} opening={opening} />
      ) : (
        <StaticLaneTitle lane={lane} opening={opening} />
      )}
      {cells}
      <div className="board-row__end" aria-hidden="true" />
    </div>
  );
});
