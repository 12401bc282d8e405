import { ArrowDownToLine } from 'lucide-react';
import { useAccount } from '../../auth/me.ts';
import { useFollowedSummon, useFollowStore } from '../../workshop/facilitation-queries.ts';
import { showLane } from '../board/cell-dom.ts';

/**
 * "Go to Pain points" in a round's banner: scrolls the lane the round is
 * about into view, when the person asks (a round starting never moves
 * anyone's board: being moved mid-sentence is what people complain of).
 * Going there is moving oneself: it stops following the facilitator's view,
 * which would otherwise pull them back at its next move.
 */
export function GoToLane({ lane }: { lane: { id: string; title: string } | undefined }) {
  const followed = useFollowedSummon(useAccount()?.user.id ?? null);
  if (!lane) return null;
  const go = () => {
    if (followed) useFollowStore.getState().stopFollowing(followed.startedAt);
    showLane(lane.id);
  };
  return (
    <button type="button" className="button button--ghost" onClick={go}>
      <ArrowDownToLine size={16} aria-hidden="true" />
      Go to {lane.title}
    </button>
  );
}
