import { useCellCardIds, type Lane, type Stage } from '../../board/use-board.ts';
import { stageWidthCss } from './stage-widths.ts';

function CollapsedCell({ stageId, laneId }: { stageId: string; laneId: string }) {
  const count = useCellCardIds(stageId, laneId).length;
  return (
    <div className="cell cell--collapsed" style={{ width: stageWidthCss(stageId) }}>
      {count > 0 ? `${count} ${count === 1 ? 'card' : 'cards'}` : ''}
    </div>
  );
}

/** A collapsed lane keeps its row, showing only how many cards each stage holds. */
export function CollapsedLaneCells({ lane, stages }: { lane: Lane; stages: readonly Stage[] }) {
  return (
    <>
      {stages.map((stage) => (
        <CollapsedCell key={stage.id} stageId={stage.id} laneId={lane.id} />
      ))}
    </>
  );
}
