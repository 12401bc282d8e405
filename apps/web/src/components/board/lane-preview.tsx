import { useLane } from '../../board/use-board.ts';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import './lane.css';

/** What follows the pointer while a lane is dragged. */
export function LanePreview({ laneId }: { laneId: string }) {
  const lane = useLane(laneId);
  if (!lane) return null;
  return (
    <div className={`lane-preview ${laneColorClass(lane.kind)}`} aria-hidden="true">
      {lane.title || 'Untitled lane'}
    </div>
  );
}
