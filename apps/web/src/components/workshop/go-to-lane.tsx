import { ArrowDownToLine } from 'lucide-react';
import { showLane } from '../board/cell-dom.ts';

/**
 * "Go to Pain points" in a round's banner: scrolls the lane the round is
 * about into view, when the person asks (a round starting never moves
 * anyone's board: being moved mid-sentence is what people complain of).
 */
export function GoToLane({ lane }: { lane: { id: string; title: string } | undefined }) {
  if (!lane) return null;
  return (
    <button type="button" className="button button--ghost" onClick={() => showLane(lane.id)}>
      <ArrowDownToLine size={16} aria-hidden="true" />
      Go to {lane.title}
    </button>
  );
}
