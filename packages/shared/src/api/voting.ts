import { z } from 'zod';
import { LANE_KINDS, type LaneKind } from '../board/lane-kinds/index.ts';
import { ANCHOR_ID_MAX } from './comments.ts';
import { zLookupId } from './ids.ts';
import { ZLine } from './text.ts';

export const VOTE_QUESTION_MAX = 200;
export const VOTES_PER_PERSON_MAX = 99;
export const VOTE_ROUND_LANES_MAX = 50;
export const VOTE_ROUND_MAX_SECONDS = 24 * 60 * 60;

const ZCardId = ZLine('The card id')
  .min(1, 'Send the id of the card.')
  .max(ANCHOR_ID_MAX, 'That is not a card id.');

const ZWhole = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} is a whole number.` })
    .int(`${what} is a whole number.`)
    .min(min, `${what} is at least ${min}.`)
    .max(max, `${what} is at most ${max}.`);

/**
 * A facilitator starts a round. Which cards take votes: those whose lane is
 * of one of `laneKinds` (empty: any kind) and is one of `laneIds` (empty:
 * any lane) — by default every card on the board.
 */
export const ZStartVoteRoundRequest = z
  .strictObject({
    question: ZLine('The question')
      .min(1, 'Ask the room something, e.g. "Which pain points hurt most?"')
      .max(VOTE_QUESTION_MAX, `Keep the question to ${VOTE_QUESTION_MAX} characters or fewer.`),
    votesPerPerson: ZWhole('votesPerPerson', 1, VOTES_PER_PERSON_MAX).default(5),
    maxPerCard: ZWhole('maxPerCard', 1, VOTES_PER_PERSON_MAX).default(1),
    laneKinds: z
      .array(
        z.enum(LANE_KINDS as [LaneKind, ...LaneKind[]], {
          error: `laneKinds are lane kinds: ${LANE_KINDS.join(', ')}.`,
        }),
      )
      .max(LANE_KINDS.length)
      .default([]),
    laneIds: z
      .array(ZLine('A lane id').min(1).max(ANCHOR_ID_MAX, 'That is not a lane id.'))
      .max(VOTE_ROUND_LANES_MAX, `Name at most ${VOTE_ROUND_LANES_MAX} lanes.`)
      .default([]),
    /** Anonymous (default): results show counts only, never who voted for what. */
    anonymous: z.boolean({ error: 'anonymous is true or false.' }).default(true),
    /** Optional time limit: the round ends (and reveals) by itself after this long. */
    durationSeconds: ZWhole('durationSeconds', 10, VOTE_ROUND_MAX_SECONDS).optional(),
  })
  .refine((round) => round.maxPerCard <= round.votesPerPerson, {
    path: ['maxPerCard'],
    message: 'maxPerCard cannot be more than votesPerPerson.',
  });
export type TStartVoteRoundRequest = z.input<typeof ZStartVoteRoundRequest>;

export const ZCastVoteRequest = z.strictObject({ cardId: ZCardId });
export type TCastVoteRequest = z.input<typeof ZCastVoteRequest>;

export const ZVoteRoundParams = z.object({
  id: zLookupId('VOTE_ROUND_NOT_FOUND', 'The voting round id'),
});
export const ZVoteParams = ZVoteRoundParams.extend({ cardId: ZCardId });

/** One card's result in an ended round, as stored at the reveal. */
export const ZVoteResult = z.object({
  cardId: z.string(),
  /** The card's text at the reveal (or when last voted for, if it was gone by then). */
  cardText: z.string(),
  stageId: z.string(),
  stageTitle: z.string(),
  laneId: z.string(),
  laneTitle: z.string(),
  votes: z.number().int().min(0),
  /** 1 for the most votes; cards with equal votes share a rank (1, 2, 2, 4). */
  rank: z.number().int().min(1),
  /** Named rounds: who gave it votes, and how many each. Anonymous rounds: null. */
  voters: z.array(z.object({ name: z.string(), votes: z.number().int().min(1) })).nullable(),
});
export type TVoteResult = z.infer<typeof ZVoteResult>;

/**
 * A voting round as everyone may see it. While it runs it says nothing about
 * anyone's votes (not even counts); `results` arrive all at once when it ends.
 */
export const ZVoteRound = z.object({
  id: z.string(),
  mapId: z.string(),
  question: z.string(),
  votesPerPerson: z.number().int(),
  maxPerCard: z.number().int(),
  laneKinds: z.array(z.string()),
  laneIds: z.array(z.string()),
  anonymous: z.boolean(),
  status: z.enum(['running', 'ended']),
  startedBy: z.object({ name: z.string() }),
  createdAt: z.iso.datetime(),
  /** The time limit: it ends by itself then. Null: until a facilitator ends it. */
  endsAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  /** The server's clock when this was read (count down to `endsAt` from it). */
  now: z.iso.datetime(),
  /** Ended rounds: cards that got votes, best first. Null while running. */
  results: z.array(ZVoteResult).nullable(),
  /** Ended rounds: votes cast and people who voted. Null while running. */
  totals: z.object({ votes: z.number().int(), voters: z.number().int() }).nullable(),
});
export type TVoteRound = z.infer<typeof ZVoteRound>;

export const ZListVoteRoundsResponse = z.object({ rounds: z.array(ZVoteRound) });
export type TListVoteRoundsResponse = z.infer<typeof ZListVoteRoundsResponse>;

/** One person's own votes in a round: only ever sent to that person. */
export const ZBallot = z.object({
  roundId: z.string(),
  votes: z.array(z.object({ cardId: z.string(), votes: z.number().int().min(1) })),
  used: z.number().int().min(0),
  remaining: z.number().int().min(0),
  /** Grows with each of this voter's changes in the round: the highest is the newest ballot. */
  revision: z.number().int().min(0),
});
export type TBallot = z.infer<typeof ZBallot>;

/** The latest result of every card that has been in an ended round (the leadership summary's input). */
export const ZLatestVoteResult = ZVoteResult.omit({ rank: true, voters: true }).extend({
  roundId: z.string(),
  question: z.string(),
  endedAt: z.iso.datetime(),
  rank: z.number().int().min(1),
});
export type TLatestVoteResult = z.infer<typeof ZLatestVoteResult>;
export const ZLatestVoteResultsResponse = z.object({ results: z.array(ZLatestVoteResult) });
export type TLatestVoteResultsResponse = z.infer<typeof ZLatestVoteResultsResponse>;

/** On the map's event stream: a round started or ended (to everyone on the map). */
export const ZVoteRoundEvent = z.object({ type: z.literal('vote-round'), round: ZVoteRound });
/** On the map's event stream: your own votes changed (to you only — every tab of yours). */
export const ZBallotEvent = z.object({ type: z.literal('ballot'), ballot: ZBallot });

/**
 * How far a running round has got, for its facilitators ("when can I end
 * it?"): how many people have placed a vote and how many votes in all —
 * never whose or on what.
 */
export const ZVoteProgress = z.object({
  roundId: z.string(),
  voters: z.number().int(),
  votes: z.number().int(),
});
export type TVoteProgress = z.infer<typeof ZVoteProgress>;

export const ZVoteProgressEvent = z.object({
  type: z.literal('vote-progress'),
  progress: ZVoteProgress,
});
