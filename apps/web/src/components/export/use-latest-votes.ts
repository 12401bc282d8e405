import type { TVoteRound } from '@journeyboard/shared';
import { useVoteRounds } from '../../workshop/voting-queries.ts';

type Rounds = readonly TVoteRound[];

/** Each card's dots from the latest ended round it was in (rounds are newest first). */
function latestVotes(rounds: Rounds): ReadonlyMap<string, number> {
  const votes = new Map<string, number>();
  for (const round of rounds) {
    for (const result of round.results ?? []) {
      if (!votes.has(result.cardId)) votes.set(result.cardId, result.votes);
    }
  }
  return votes;
}

/** The vote results this viewer has (revealed rounds only), for exports. */
export function useLatestVotes(): ReadonlyMap<string, number> | undefined {
  return useVoteRounds(latestVotes).data;
}
