import type { TStageRating } from '@journeyboard/shared';
import type { Stage } from '@journeyboard/shared/board';
import { scoreToY, type ChartLayout } from './emotion-curve.ts';

/** How far right of a stage's curve point the room's band sits: beside the dot, not over it. */
export const BAND_OFFSET = 20;

/** One stage's room scores, in chart coordinates. */
export interface RoomBandMark {
  readonly stageId: string;
  readonly x: number;
  /** y of the highest score (top of the band) and of the lowest (its bottom). */
  readonly maxY: number;
  readonly minY: number;
  readonly meanY: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export interface RoomBand {
  readonly marks: readonly RoomBandMark[];
  /** Straight segments through the means ('' with fewer than two). */
  readonly meanPath: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Plots a revealed "Everyone rates" round beside an emotion lane's curve:
 * per stage on the board that someone rated, a min–max band, the mean and
 * how many rated, at the stage's column centre plus BAND_OFFSET. Stages
 * rated but deleted since are left out (they have no column).
 */
export function buildRoomBand(
  stages: readonly Stage[],
  results: readonly TStageRating[],
  layout: ChartLayout,
): RoomBand {
  const byStage = new Map(results.map((result) => [result.stageId, result]));
  const marks: RoomBandMark[] = [];
  let left = 0;
  stages.forEach((stage, index) => {
    const width = layout.columnWidths?.[index] ?? layout.columnWidth;
    const x = left + width / 2 + BAND_OFFSET;
    left += width;
    const result = byStage.get(stage.id);
    if (!result || result.n === 0) return;
    marks.push({
      stageId: stage.id,
      x,
      maxY: round(scoreToY(result.max, layout)),
      minY: round(scoreToY(result.min, layout)),
      meanY: round(scoreToY(result.mean, layout)),
      mean: result.mean,
      min: result.min,
      max: result.max,
      n: result.n,
    });
  });
  const meanPath =
    marks.length < 2
      ? ''
      : marks.map((mark, i) => `${i === 0 ? 'M' : 'L'} ${round(mark.x)} ${mark.meanY}`).join(' ');
  return { marks, meanPath };
}
