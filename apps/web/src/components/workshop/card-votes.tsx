import { Minus, Vote } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { LaneKind } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { useCardResult, useCardRound } from '../../workshop/card-voting.tsx';
import { useBallot, useVotingActions } from '../../workshop/voting-queries.ts';
import { useBoardHasTools } from '../board/board-mode.ts';
import './voting.css';

/**
 * A card's part in dot voting. While a round runs and the card's lane is
 * being voted on: this person's own dots on it and buttons to vote and take
 * a vote back (nothing of anyone else's — this client never has it). Once a
 * round is revealed and its results are on show: the card's count.
 * The rounds come from the grid's `CardVotingProvider` (no query per card);
 * only a card open to voting reads the ballot, so a vote re-renders one card.
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
  // Presented to a room or printed, a running round shows no buttons (and nobody's votes).
  const hasTools = useBoardHasTools();
  const round = useCardRound(laneId, laneKind);
  const revealed = useCardResult(cardId);
  if (round && canVote && hasTools) {
    return (
      <CardVoteControls
        cardId={cardId}
        roundId={round.id}
        maxPerCard={round.maxPerCard}
        label={label}
      />
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

/** This person's dots on a card in the running round, and the buttons to vote and take back. */
function CardVoteControls({
  cardId,
  roundId,
  maxPerCard,
  label,
}: {
  cardId: string;
  roundId: string;
  maxPerCard: number;
  label: string;
}) {
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const ballot = useBallot();
  const mine =
    ballot && ballot.roundId === roundId
      ? (ballot.votes.find((vote) => vote.cardId === cardId)?.votes ?? 0)
      : 0;
  const remaining = ballot && ballot.roundId === roundId ? ballot.remaining : 0;
  const actions = useVotingActions(mapId);
  const [problem, setProblem] = useState<string | null>(null);

  const change = (which: 'vote' | 'takeBack', id: string) => {
    setProblem(null);
    actions[which]({ roundId: id, cardId }).catch((error: unknown) =>
      setProblem(errorMessage(error)),
    );
  };

  const name = label.trim() === '' ? 'this card' : label;
  const full = mine >= maxPerCard;
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
          onClick={() => change('takeBack', roundId)}
        >
          <Minus size={14} aria-hidden="true" />
        </button>
      ) : null}
      <button
        type="button"
        className="card-votes__button card-votes__button--vote"
        aria-label={`Vote for ${name}`}
        title={
          full
            ? 'This card has as many of your votes as one card can take'
            : remaining > 0
              ? 'Vote for this card'
              : 'You have no votes left'
        }
        disabled={remaining === 0 || full}
        onClick={() => change('vote', roundId)}
      >
        {/* Words, not an icon alone: a reviewer's participants looked for how to vote. */}
        <Vote size={14} aria-hidden="true" />
        Vote
      </button>
      {problem ? (
        <span className="card-votes__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
