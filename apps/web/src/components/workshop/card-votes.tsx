import type { TBallot } from '@journeyboard/shared';
import { Minus, Vote } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { LaneKind } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { votingApi } from '../../workshop/voting-api.ts';
import { useVotingStore } from '../../workshop/voting-store.ts';
import { useBoardMode } from '../board/board-mode.ts';
import './voting.css';

/**
 * A card's part in dot voting. While a round runs and the card's lane is
 * being voted on: this person's own dots on it and buttons to vote and take
 * a vote back (nothing of anyone else's — this client never has it). Once a
 * round is revealed and its results are on show: the card's count.
 * Subscribes to numbers and strings only, so a vote re-renders one card.
 */
export function CardVotes({
  cardId,
  laneId,
  laneKind,
  label,
}: {
  cardId: string;
  laneId: string;
  laneKind: LaneKind;
  /** The card's text, naming it in the buttons' labels. */
  label: string;
}) {
  const canVote = useCan('vote.cast');
  const presenting = useBoardMode() === 'present';
  const roundId = useVotingStore((state) => {
    const running = state.rounds.find((round) => round.status === 'running');
    if (!running) return null;
    const kindOk = running.laneKinds.length === 0 || running.laneKinds.includes(laneKind);
    const laneOk = running.laneIds.length === 0 || running.laneIds.includes(laneId);
    return kindOk && laneOk ? running.id : null;
  });
  const mine = useVotingStore((state) =>
    state.ballot && state.ballot.roundId === roundId
      ? (state.ballot.votes.find((vote) => vote.cardId === cardId)?.votes ?? 0)
      : 0,
  );
  const remaining = useVotingStore((state) =>
    state.ballot?.roundId === roundId ? (state.ballot?.remaining ?? 0) : 0,
  );
  const revealed = useVotingStore((state) => {
    if (!state.shownResultsId) return null;
    const round = state.rounds.find((r) => r.id === state.shownResultsId);
    if (!round?.results) return null;
    return round.results.find((result) => result.cardId === cardId)?.votes ?? 0;
  });
  const [problem, setProblem] = useState<string | null>(null);

  const change = (call: () => Promise<TBallot>) => {
    setProblem(null);
    call().then(
      (ballot) => useVotingStore.getState().receiveBallot(ballot),
      (error: unknown) => setProblem(errorMessage(error)),
    );
  };

  if (roundId && canVote && !presenting) {
    const name = label.trim() === '' ? 'this card' : label;
    return (
      <div className="card-votes" onPointerDown={(event) => event.stopPropagation()}>
        <span className="card-votes__mine" aria-label={`Your votes: ${mine}`} role="img">
          {Array.from({ length: mine }, (_, index) => (
            <span key={index} className="card-votes__dot" aria-hidden="true" />
          ))}
        </span>
        {mine > 0 ? (
          <button
            type="button"
            className="icon-button card-votes__button"
            aria-label={`Take back a vote from ${name}`}
            title="Take back a vote"
            onClick={() => change(() => votingApi.takeBack(roundId, cardId))}
          >
            <Minus size={14} aria-hidden="true" />
          </button>
        ) : null}
        <button
          type="button"
          className="icon-button card-votes__button card-votes__button--vote"
          aria-label={`Vote for ${name}`}
          title={remaining > 0 ? 'Vote for this card' : 'You have no votes left'}
          disabled={remaining === 0}
          onClick={() => change(() => votingApi.vote(roundId, cardId))}
        >
          <Vote size={14} aria-hidden="true" />
        </button>
        {problem ? (
          <span className="card-votes__problem" role="alert">
            {problem}
          </span>
        ) : null}
      </div>
    );
  }
  if (revealed !== null && revealed > 0) {
    return (
      <span
        className="card-votes__count"
        aria-label={`${revealed} vote${revealed === 1 ? '' : 's'}`}
      >
        <Vote size={12} aria-hidden="true" />
        {revealed}
      </span>
    );
  }
  return null;
}
