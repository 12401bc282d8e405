import type { LaneKind } from '@journeyboard/shared/board';
import { useLaneChosenForVote } from './card-voting.tsx';
import { useRatingRounds, useShownRating } from './rating-queries.ts';

/**
 * Whether a round asks people to act in this lane, or shows them what they did: "Everyone
 * rates" on it, running or with the room's scores on show, or a vote on some lanes that
 * include it, running or with its results on show. Such a lane is drawn open for everyone,
 * however it is collapsed on the board: nobody can rate or vote in a collapsed row, nor see
 * the band or the dots, and a participant may not open it (the rated lane is locked for them)
 * — nor should one person's click open it for the whole room. Inside the board grid (the
 * vote is read once for it).
 */
export function useLaneInRound(laneId: string, laneKind: LaneKind): boolean {
  const rated =
    useRatingRounds((rounds) =>
      rounds.some((round) => round.status === 'running' && round.laneId === laneId),
    ).data ?? false;
  const bandShown = useShownRating(laneId) !== null;
  return useLaneChosenForVote(laneId, laneKind) || rated || bandShown;
}
