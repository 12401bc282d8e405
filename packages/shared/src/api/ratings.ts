import { z } from 'zod';
import { EMOTION_MAX, EMOTION_MIN } from '../board/types.ts';
import { ANCHOR_ID_MAX } from './comments.ts';
import { zLookupId } from './ids.ts';
import { ZLine } from './text.ts';

/**
 * "Everyone rates": a facilitator opens a round on one emotion lane, each
 * participant sets their own score per stage (the board's scale, −2…+2),
 * and the reveal shows the room's mean and spread beside the map's curve.
 * Like dot voting, nobody's scores leave the server before the reveal but
 * to their own author.
 */

/** A stage or lane id of the board (the Y.Doc's, not a UUID). */
const ZBoardId = (what: 'lane' | 'stage') =>
  ZLine(`The ${what} id`)
    .min(1, `Send the id of the ${what}.`)
    .max(ANCHOR_ID_MAX, `That is not a ${what} id.`);

export const ZStartRatingRoundRequest = z.strictObject({
  /** The emotion lane everyone rates (its stages are what they score). */
  laneId: ZBoardId('lane'),
  /** Anonymous (default): the reveal lists the scores per stage without names. */
  anonymous: z.boolean({ error: 'anonymous is true or false.' }).default(true),
});
export type TStartRatingRoundRequest = z.input<typeof ZStartRatingRoundRequest>;

export const ZRatingScore = z
  .number({ error: `The score is a whole number from ${EMOTION_MIN} to +${EMOTION_MAX}.` })
  .int(`The score is a whole number from ${EMOTION_MIN} to +${EMOTION_MAX}.`)
  .min(EMOTION_MIN, `The score is at least ${EMOTION_MIN}.`)
  .max(EMOTION_MAX, `The score is at most +${EMOTION_MAX}.`);

export const ZRateRequest = z.strictObject({ score: ZRatingScore });
export type TRateRequest = z.input<typeof ZRateRequest>;

export const ZRatingRoundParams = z.object({
  id: zLookupId('RATING_ROUND_NOT_FOUND', 'The rating round id'),
});
export const ZRatingParams = ZRatingRoundParams.extend({ stageId: ZBoardId('stage') });

/** The room's answer for one stage, as revealed. */
export const ZStageRating = z.object({
  stageId: z.string(),
  /** The stage's title at the reveal (or when last rated, if it was gone by then). */
  stageTitle: z.string(),
  /** How many people rated it. */
  n: z.number().int().min(1),
  mean: z.number(),
  min: z.number().int(),
  max: z.number().int(),
  /** Every score given; named rounds carry who gave it, anonymous ones `name: null`. */
  scores: z.array(z.object({ name: z.string().nullable(), score: z.number().int() })),
});
export type TStageRating = z.infer<typeof ZStageRating>;

/**
 * A rating round as everyone may see it. While it runs it says nothing about
 * anyone's scores (not even how many rated); `results` arrive all at once
 * with the reveal.
 */
export const ZRatingRound = z.object({
  id: z.string(),
  mapId: z.string(),
  laneId: z.string(),
  /** The lane's title when the round started. */
  laneTitle: z.string(),
  anonymous: z.boolean(),
  status: z.enum(['running', 'revealed']),
  startedBy: z.object({ name: z.string() }),
  createdAt: z.iso.datetime(),
  revealedAt: z.iso.datetime().nullable(),
  /**
   * When a facilitator took the revealed scores off the board for everyone (null: they
   * show on the emotion lane until then, or until a new round on the lane). The results stay.
   */
  closedAt: z.iso.datetime().nullable(),
  /** Revealed rounds: one entry per stage someone rated, in board order. Null while running. */
  results: z.array(ZStageRating).nullable(),
  /** Revealed rounds: how many people rated at least one stage. Null while running. */
  raters: z.number().int().min(0).nullable(),
});
export type TRatingRound = z.infer<typeof ZRatingRound>;

export const ZListRatingRoundsResponse = z.object({ rounds: z.array(ZRatingRound) });
export type TListRatingRoundsResponse = z.infer<typeof ZListRatingRoundsResponse>;

/** One person's own scores in a round: only ever sent to that person. */
export const ZMyRatings = z.object({
  roundId: z.string(),
  scores: z.array(z.object({ stageId: z.string(), score: z.number().int() })),
  /**
   * Grows with every change of this person's scores in the round (0: none
   * yet). Answers and events can arrive out of order: keep the highest.
   */
  revision: z.number().int().nonnegative(),
});
export type TMyRatings = z.infer<typeof ZMyRatings>;

/**
 * How far a running round has got, for its facilitators ("can I reveal?"): how
 * many people have scored at least one stage and how many scores in all —
 * never whose, for which stage, or what.
 */
export const ZRatingProgress = z.object({
  roundId: z.string(),
  raters: z.number().int().nonnegative(),
  scores: z.number().int().nonnegative(),
});
export type TRatingProgress = z.infer<typeof ZRatingProgress>;

/** On the map's event stream, to facilitators: the running round's new counts. */
export const ZRatingProgressEvent = z.object({
  type: z.literal('rating-progress'),
  progress: ZRatingProgress,
});

/** On the map's event stream: a round started or was revealed (to everyone on the map). */
export const ZRatingRoundEvent = z.object({ type: z.literal('rating-round'), round: ZRatingRound });
/** On the map's event stream: your own scores changed (to you only — every tab of yours). */
export const ZMyRatingsEvent = z.object({ type: z.literal('my-ratings'), ratings: ZMyRatings });

/**
 * The board's emotion scale is whole steps, so adopting the room's mean
 * rounds it — half away from zero, so −1.5 and +1.5 are treated alike
 * (Math.round would take −1.5 to −1 but +1.5 to +2).
 */
export function roundToEmotionScale(mean: number): number {
  const rounded = Math.sign(mean) * Math.round(Math.abs(mean));
  return Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, rounded === 0 ? 0 : rounded));
}
