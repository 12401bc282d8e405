import { create } from 'zustand';

interface VotingUiState {
  /** The round whose results are on show (cards show their counts), or null. */
  shownResultsId: string | null;
  showResults: (roundId: string | null) => void;
}

/**
 * Dot voting's local UI state. The rounds and this person's ballot are
 * server state in the query cache (voting-queries.ts).
 */
export const useVotingUi = create<VotingUiState>()((set) => ({
  shownResultsId: null,
  showResults: (roundId) => set({ shownResultsId: roundId }),
}));
