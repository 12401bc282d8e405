/**
 * How a stored rating round becomes the API's `TRatingRound` (what everyone
 * may see) and a rater's rows their `TMyRatings` (what only they may see).
 */
import type { TMyRatings, TRatingRound, TStageRating } from '@journeyboard/shared';
import { ZStageRating } from '@journeyboard/shared';
import { z } from 'zod';

export interface RatingRoundRow {
  readonly id: string;
  readonly mapId: string;
  readonly laneId: string;
  readonly laneTitle: string;
  readonly anonymous: boolean;
  readonly status: 'running' | 'revealed';
  readonly startedByName: string;
  readonly createdAt: Date;
  readonly revealedAt: Date | null;
  readonly closedAt: Date | null;
  /** Stored JSON: `TStageRating[]`, written at the reveal. */
  readonly results: unknown;
  readonly raterCount: number | null;
}

const ZStoredResults = z.array(ZStageRating);

/** The round as anyone on the map may see it: the room's scores only once revealed. */
export function toRatingRound(round: RatingRoundRow): TRatingRound {
  const revealed = round.status === 'revealed';
  const stored = revealed ? ZStoredResults.safeParse(round.results) : null;
  return {
    id: round.id,
    mapId: round.mapId,
    laneId: round.laneId,
    laneTitle: round.laneTitle,
    anonymous: round.anonymous,
    status: round.status,
    startedBy: { name: round.startedByName },
    createdAt: round.createdAt.toISOString(),
    revealedAt: round.revealedAt?.toISOString() ?? null,
    closedAt: round.closedAt?.toISOString() ?? null,
    results: stored?.success ? stored.data : revealed ? [] : null,
    raters: revealed ? (round.raterCount ?? 0) : null,
  };
}

/** A rater's own scores in a round, in stage id order, at their revision. */
export function toMyRatings(
  roundId: string,
  ratings: readonly { stageId: string; score: number }[],
  revision: number,
): TMyRatings {
  return {
    roundId,
    revision,
    scores: ratings
      .map((rating) => ({ stageId: rating.stageId, score: rating.score }))
      .sort((a, b) => a.stageId.localeCompare(b.stageId)),
  };
}

export type { TStageRating };
