import type { PlacedCard } from '@journeyboard/shared/board';

/** What a round's scope is: which lanes' cards take votes. */
export interface VoteScope {
  readonly laneKinds: readonly string[];
  readonly laneIds: readonly string[];
}

/** Whether a card may take votes in a round: its lane is of the round's kinds and lanes. */
export function isVotable(
  scope: VoteScope,
  card: Pick<PlacedCard, 'laneId' | 'laneKind'>,
): boolean {
  return (
    (scope.laneKinds.length === 0 || scope.laneKinds.includes(card.laneKind)) &&
    (scope.laneIds.length === 0 || scope.laneIds.includes(card.laneId))
  );
}

/** One stored vote row: a voter's votes on a card, and where the card was then. */
export interface VoteRow {
  readonly voterKey: string;
  readonly voterName: string;
  readonly cardId: string;
  readonly votes: number;
  readonly cardText: string;
  readonly stageId: string;
  readonly stageTitle: string;
  readonly laneId: string;
  readonly laneTitle: string;
}

export interface TalliedCard {
  readonly cardId: string;
  readonly cardText: string;
  readonly stageId: string;
  readonly stageTitle: string;
  readonly laneId: string;
  readonly laneTitle: string;
  readonly votes: number;
  readonly rank: number;
  /** Named rounds: who voted for it and how often, most first. */
  readonly voters: readonly { name: string; votes: number }[] | null;
}

/**
 * The results of a round at its reveal: every card that could take votes on
 * the board now (0 included) and every card that got votes — a card deleted
 * since keeps its place with its text from when it was voted for. Ranked by
 * votes (equal votes share a rank: 1, 2, 2, 4), ties in board-reading order
 * of stage, lane and text.
 */
export function tallyVotes(
  round: VoteScope & { readonly anonymous: boolean },
  votes: readonly VoteRow[],
  board: readonly PlacedCard[],
): TalliedCard[] {
  interface Tally {
    total: number;
    voters: Map<string, { name: string; votes: number }>;
    last: VoteRow;
  }
  const byCard = new Map<string, Tally>();
  for (const vote of votes) {
    const entry: Tally = byCard.get(vote.cardId) ?? {
      total: 0,
      voters: new Map<string, { name: string; votes: number }>(),
      last: vote,
    };
    entry.total += vote.votes;
    const voter = entry.voters.get(vote.voterKey) ?? { name: vote.voterName, votes: 0 };
    voter.votes += vote.votes;
    entry.voters.set(vote.voterKey, voter);
    byCard.set(vote.cardId, entry);
  }
  const onBoard = new Map(board.map((card) => [card.id, card]));
  const cards = new Map<string, Omit<TalliedCard, 'rank'>>();
  const add = (cardId: string, where: Omit<VoteRow, 'voterKey' | 'voterName' | 'votes'>) => {
    const tally = byCard.get(cardId);
    cards.set(cardId, {
      cardId,
      cardText: where.cardText,
      stageId: where.stageId,
      stageTitle: where.stageTitle,
      laneId: where.laneId,
      laneTitle: where.laneTitle,
      votes: tally?.total ?? 0,
      voters: round.anonymous
        ? null
        : [...(tally?.voters.values() ?? [])].sort(
            (a, b) => b.votes - a.votes || a.name.localeCompare(b.name),
          ),
    });
  };
  const fromBoard = (card: PlacedCard) => ({
    cardId: card.id,
    cardText: card.text,
    stageId: card.stageId,
    stageTitle: card.stageTitle,
    laneId: card.laneId,
    laneTitle: card.laneTitle,
  });
  for (const card of board) if (isVotable(round, card)) add(card.id, fromBoard(card));
  for (const [cardId, tally] of byCard) {
    if (cards.has(cardId)) continue;
    const now = onBoard.get(cardId);
    add(cardId, now ? fromBoard(now) : tally.last);
  }
  const sorted = [...cards.values()].sort(
    (a, b) =>
      b.votes - a.votes ||
      a.stageTitle.localeCompare(b.stageTitle) ||
      a.laneTitle.localeCompare(b.laneTitle) ||
      a.cardText.localeCompare(b.cardText) ||
      a.cardId.localeCompare(b.cardId),
  );
  let rank = 0;
  return sorted.map((card, index) => {
    if (index === 0 || (sorted[index - 1]?.votes ?? 0) > card.votes) rank = index + 1;
    return { ...card, rank };
  });
}
