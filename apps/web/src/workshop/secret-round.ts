import { useRunningRating } from './rating-queries.ts';
import { useRunningRound } from './voting-queries.ts';

/**
 * A vote or an "Everyone rates" round is running. Until its reveal, where
 * someone's pointer rests or which card they select would say what they vote
 * for or how they score, so nobody's pointer or selected card is shared
 * (PresenceStore.setDiscreet, presence-layer.tsx). The server keeps the
 * votes and scores themselves, and writes over any pointer a tab still sends
 * meanwhile (keepSecretRoundsSecret in the sync server's awareness rules).
 */
export function useSecretRoundRunning(): boolean {
  // Both hooks on every render (no short-circuit): hooks run in a fixed order.
  const voting = useRunningRound() !== null;
  const rating = useRunningRating() !== null;
  return voting || rating;
}
