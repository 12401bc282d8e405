import { useEffect } from 'react';
import type { Lane } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { useLaneInRound } from '../../workshop/lane-in-round.ts';

/**
 * Why a lane collapsed on the board is drawn open here: a round asks everyone to act in it or
 * shows its results (lane-in-round.ts), or this person opened it for themselves, not being
 * allowed to open it for everyone (read-only, or locked by a facilitator). Null: drawn as the
 * board has it.
 */
export type LaneOpening = 'round' | 'you' | null;

/** The lane as this person sees it (`collapsed` false when held open), and why. */
export function useLaneOpening(stored: Lane): { lane: Lane; opening: LaneOpening } {
  const inRound = useLaneInRound(stored.id, stored.kind);
  const openedHere = useUiStore((state) => state.openedLanes.has(stored.id));
  // Opened for this person, then by the team: their choice is spent. Kept, it would hold the
  // lane open here when the team collapses it again, which nobody here asked for then.
  useEffect(() => {
    if (!stored.collapsed && openedHere) useUiStore.getState().forgetOpenedLane(stored.id);
  }, [stored.collapsed, openedHere, stored.id]);
  const opening: LaneOpening = !stored.collapsed
    ? null
    : inRound
      ? 'round'
      : openedHere
        ? 'you'
        : null;
  return { lane: opening ? { ...stored, collapsed: false } : stored, opening };
}
