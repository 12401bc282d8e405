import type { LaneKind } from '@journeyboard/shared/board';
import { useLaneChosenForVote } from './card-voting.tsx';
import { useRatingRounds } from './rating-queries.ts';

/**
 * Whether a running round asks people to act in this lane: "Everyone rates" on it, or a vote
 * on some lanes that include it. Such a lane is drawn open for everyone while the round runs,
 * however it is collapsed on the board: nobody can rate or vote in a collapsed row, and a
 * participant may not open it (the rated lane is locked for them) — nor should one person's
 * click open it for the whole room. Inside the board grid (the vote is read once for it).
 */
export function useLaneInRound(laneId: string, laneKind: LaneKind): boolean {
  const rated =
    useRatingRounds((rounds) =>
      rounds.some((round) => round.status === 'running' && round.laneId === laneId),
    ).data ?? false;
  return useLaneChosenForVote(laneId, laneKind) || rated;
}
