/**
 * How a stored round becomes the API's `TVoteRound` (what everyone may see)
 * and a voter's rows their `TBallot` (what only they may see).
 */
import type { Prisma, PrismaClient } from '@journeyboard/db';
import type { TBallot, TVoteResult, TVoteRound } from '@journeyboard/shared';

export interface VoteRoundRow {
  readonly id: string;
  readonly mapId: string;
  readonly question: string;
  readonly votesPerPerson: number;
  readonly maxPerCard: number;
  readonly laneKinds: string[];
  readonly laneIds: string[];
  readonly anonymous: boolean;
  readonly status: 'running' | 'ended';
  readonly startedByName: string;
  readonly createdAt: Date;
  readonly endsAt: Date | null;
  readonly endedAt: Date | null;
  readonly totalVotes: number | null;
  readonly voterCount: number | null;
}

export interface VoteResultRow {
  readonly cardId: string;
  readonly cardText: string;
  readonly stageId: string;
  readonly stageTitle: string;
  readonly laneId: string;
  readonly laneTitle: string;
  readonly votes: number;
  readonly rank: number;
  /** Stored JSON: `[{ name, votes }]`, or null (anonymous). */
  readonly voters: unknown;
}

type Client = PrismaClient | Prisma.TransactionClient;

/** Postgres' clock (rounds end on it, on every instance alike). */
export async function databaseNow(prisma: Client): Promise<Date> {
  const [row] = await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row?.now ?? new Date();
}

const toVoters = (value: unknown): TVoteResult['voters'] =>
  Array.isArray(value)
    ? value.flatMap((item: unknown) => {
        const voter = item as { name?: unknown; votes?: unknown } | null;
        return typeof voter?.name === 'string' && typeof voter.votes === 'number'
          ? [{ name: voter.name, votes: voter.votes }]
          : [];
      })
    : null;

/**
 * The round as anyone on the map may see it. `results` (cards that got
 * votes, ranked) only once it has ended: a running round says nothing about
 * anyone's votes.
 */
export function toVoteRound(
  round: VoteRoundRow,
  results: readonly VoteResultRow[] | null,
  now: Date,
): TVoteRound {
  const ended = round.status === 'ended';
  const counted = ended ? [...(results ?? [])].filter((result) => result.votes > 0) : null;
  return {
    id: round.id,
    mapId: round.mapId,
    question: round.question,
    votesPerPerson: round.votesPerPerson,
    maxPerCard: round.maxPerCard,
    laneKinds: round.laneKinds,
    laneIds: round.laneIds,
    anonymous: round.anonymous,
    status: round.status,
    startedBy: { name: round.startedByName },
    createdAt: round.createdAt.toISOString(),
    endsAt: round.endsAt?.toISOString() ?? null,
    endedAt: round.endedAt?.toISOString() ?? null,
    now: now.toISOString(),
    results: counted
      ? counted
          .sort((a, b) => a.rank - b.rank || a.cardText.localeCompare(b.cardText))
          .map((result) => ({
            cardId: result.cardId,
            cardText: result.cardText,
            stageId: result.stageId,
            stageTitle: result.stageTitle,
            laneId: result.laneId,
            laneTitle: result.laneTitle,
            votes: result.votes,
            rank: result.rank,
            voters: round.anonymous ? null : toVoters(result.voters),
          }))
      : null,
    totals: ended ? { votes: round.totalVotes ?? 0, voters: round.voterCount ?? 0 } : null,
  };
}

/** A voter's own votes in a round. */
export function toBallot(
  round: Pick<VoteRoundRow, 'id' | 'votesPerPerson'>,
  votes: readonly { cardId: string; votes: number }[],
  revision: number,
): TBallot {
  const used = votes.reduce((sum, vote) => sum + vote.votes, 0);
  return {
    roundId: round.id,
    votes: votes
      .filter((vote) => vote.votes > 0)
      .map((vote) => ({ cardId: vote.cardId, votes: vote.votes }))
      .sort((a, b) => a.cardId.localeCompare(b.cardId)),
    used,
    remaining: Math.max(0, round.votesPerPerson - used),
    revision,
  };
}
