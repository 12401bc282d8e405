import type { TBallot, TVoteRound } from '@journeyboard/shared';
import { create } from 'zustand';

interface VotingState {
  mapId: string | null;
  /** The map's rounds, newest first (ended ones with their results). */
  rounds: readonly TVoteRound[];
  /** This person's own votes in the running round (never anyone else's). */
  ballot: TBallot | null;
  /** The round whose results are on show (cards show their counts), or null. */
  shownResultsId: string | null;
  reset: (mapId: string | null) => void;
  replaceRounds: (rounds: readonly TVoteRound[]) => void;
  /** A round started or ended (REST answer or event). An ended one is shown at once. */
  receiveRound: (round: TVoteRound) => void;
  receiveBallot: (ballot: TBallot) => void;
  showResults: (roundId: string | null) => void;
}

/**
 * The open map's dot voting: rounds loaded over REST after every `ready` of
 * the map event stream, kept current by its `vote-round` events; this
 * person's ballot from their own `ballot` events and answers. Nothing here
 * ever holds another participant's votes before the reveal — the server
 * never sends them.
 */
export const useVotingStore = create<VotingState>()((set) => ({
  mapId: null,
  rounds: [],
  ballot: null,
  shownResultsId: null,
  reset: (mapId) => set({ mapId, rounds: [], ballot: null, shownResultsId: null }),
  replaceRounds: (rounds) =>
    set((state) => ({
      rounds,
      ballot:
        state.ballot && rounds.some((r) => r.id === state.ballot?.roundId && r.status === 'running')
          ? state.ballot
          : null,
    })),
  receiveRound: (round) =>
    set((state) => {
      const known = state.rounds.find((r) => r.id === round.id);
      // Never back from ended to running (an old answer overtaken by the reveal).
      if (known?.status === 'ended' && round.status === 'running') return {};
      const rounds = known
        ? state.rounds.map((r) => (r.id === round.id ? round : r))
        : [round, ...state.rounds];
      const revealedNow = round.status === 'ended' && known?.status !== 'ended';
      return {
        rounds,
        ...(revealedNow ? { shownResultsId: round.id } : {}),
        ...(round.status === 'running' && state.ballot?.roundId !== round.id
          ? {
              ballot: {
                roundId: round.id,
                votes: [],
                used: 0,
                remaining: round.votesPerPerson,
              },
              shownResultsId: null,
            }
          : {}),
      };
    }),
  receiveBallot: (ballot) => set({ ballot }),
  showResults: (roundId) => set({ shownResultsId: roundId }),
}));

/** The round that is running, if any. */
export const useRunningRound = (): TVoteRound | null =>
  useVotingStore((state) => state.rounds.find((round) => round.status === 'running') ?? null);

/** The round whose results are on show, if any. */
export const useShownResults = (): TVoteRound | null =>
  useVotingStore((state) =>
    state.shownResultsId
      ? (state.rounds.find((round) => round.id === state.shownResultsId && round.results) ?? null)
      : null,
  );
