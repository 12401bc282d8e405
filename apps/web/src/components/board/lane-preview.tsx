import { useLane } from '../../board/use-board.ts';

/** What follows the pointer while a lane is dragged. */
export function LanePreview({ laneId }: { laneId: string }) {
  const lane = useLane(laneId);
  if (!lane) return null;
  return (
    <div className={`lane-preview lane-kind--${lane.kind}`} aria-hidden="true">
      {lane.title || 'Untitled lane'}
    </div>
  );
}
