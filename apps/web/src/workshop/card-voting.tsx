import type { TVoteRound } from '@journeyboard/shared';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { LaneKind } from '../board/use-board.ts';
import { useVoteRounds } from './voting-queries.ts';
import { useVotingUi } from './voting-store.ts';

/** What every card of a board needs to know about dot voting, read once for the whole grid. */
export interface CardVoting {
  /** The running round, with the lanes it votes on (none: every lane), or null. */
  readonly running: RunningRoundForCards | null;
  /** Each card's dots in the round whose results are on show; null when none is. */
  readonly shown: ReadonlyMap<string, number> | null;
  /** The lanes the round whose results are on show voted on (none: every lane), or null. */
  readonly shownRound: Pick<TVoteRound, 'laneKinds' | 'laneIds'> | null;
}

type RunningRoundForCards = Pick<TVoteRound, 'id' | 'laneKinds' | 'laneIds' | 'maxPerCard'>;

const NO_VOTING: CardVoting = { running: null, shown: null, shownRound: null };

const CardVotingContext = createContext<CardVoting>(NO_VOTING);

function cardVoting(rounds: readonly TVoteRound[], shownId: string | null): CardVoting {
  const running = rounds.find((round) => round.status === 'running');
  const shownRound = shownId ? rounds.find((round) => round.id === shownId) : undefined;
  const results = shownRound?.results;
  return {
    running: running
      ? {
          id: running.id,
          laneKinds: running.laneKinds,
          laneIds: running.laneIds,
          maxPerCard: running.maxPerCard,
        }
      : null,
    shown: results ? new Map(results.map((result) => [result.cardId, result.votes])) : null,
    shownRound:
      shownRound && results
        ? { laneKinds: shownRound.laneKinds, laneIds: shownRound.laneIds }
        : null,
  };
}

/**
 * The rounds, read once per board grid for all of its cards. One query
 * observer per card (several, with the ballot and the voting actions) made
 * mounting a 1,000-card board — and drawing it again for print — spend
 * seconds in TanStack Query; rounds change only when one starts or ends, so
 * re-rendering every card's votes then is cheap. The running round's
 * controls still read this person's ballot per card (`CardVoteControls`).
 */
export function CardVotingProvider({ children }: { children: ReactNode }) {
  const shownId = useVotingUi((state) => state.shownResultsId);
  const select = useCallback(
    (rounds: readonly TVoteRound[]) => cardVoting(rounds, shownId),
    [shownId],
  );
  const voting = useVoteRounds(select).data ?? NO_VOTING;
  return <CardVotingContext value={voting}>{children}</CardVotingContext>;
}

/** The running round (its id and how many votes one card can take) if it votes on this card's lane, else null. */
export function useCardRound(
  laneId: string,
  laneKind: LaneKind,
): Pick<TVoteRound, 'id' | 'maxPerCard'> | null {
  const { running } = useContext(CardVotingContext);
  return running && votesOnLane(running, laneId, laneKind) ? running : null;
}

/**
 * Whether the running round, or the one whose results are on show, voted on some lanes only,
 * this one among them (a round on every lane asks nothing in particular of a lane:
 * lane-in-round.ts).
 */
export function useLaneChosenForVote(laneId: string, laneKind: LaneKind): boolean {
  const { running, shownRound } = useContext(CardVotingContext);
  const chosen = (round: Pick<TVoteRound, 'laneKinds' | 'laneIds'> | null) =>
    round !== null &&
    (round.laneKinds.length > 0 || round.laneIds.length > 0) &&
    votesOnLane(round, laneId, laneKind);
  return chosen(running) || chosen(shownRound);
}

/** Whether a round's cards in this lane take votes: of one of its kinds and lanes (empty: any). */
export function votesOnLane(
  round: Pick<TVoteRound, 'laneKinds' | 'laneIds'>,
  laneId: string,
  laneKind: LaneKind,
): boolean {
  const kindOk = round.laneKinds.length === 0 || round.laneKinds.includes(laneKind);
  const laneOk = round.laneIds.length === 0 || round.laneIds.includes(laneId);
  return kindOk && laneOk;
}

/** The card's dots in the results on show (0 when it got none), or null when none are. */
export function useCardResult(cardId: string): number | null {
  const { shown } = useContext(CardVotingContext);
  return shown ? (shown.get(cardId) ?? 0) : null;
}
