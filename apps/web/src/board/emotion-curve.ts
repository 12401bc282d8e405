import {
  EMOTION_MAX,
  EMOTION_MIN,
  cellKey,
  type EmotionPoint,
  type Stage,
} from '@journeyboard/shared/board';

export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

export interface PlottedEmotion extends CurvePoint {
  readonly stageId: string;
  readonly score: number;
}

export interface EmotionChart {
  readonly points: readonly PlottedEmotion[];
  /** SVG path data of the smooth curve through the points ('' with fewer than two). */
  readonly path: string;
  readonly zeroY: number;
}

export interface ChartLayout {
  /** Width of one stage column; points sit at column centres. */
  readonly columnWidth: number;
  /** Each stage's own column width, when they differ (resized or adapted to their content). */
  readonly columnWidths?: readonly number[];
  readonly height: number;
  /** Space kept above +2 and below −2 so dots are not cut off. */
  readonly padding: number;
}

const round = (value: number) => Math.round(value * 100) / 100;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** y of a score: +2 at the top, −2 at the bottom. */
export function scoreToY(score: number, layout: Pick<ChartLayout, 'height' | 'padding'>): number {
  const usable = layout.height - layout.padding * 2;
  const ratio = (EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN);
  return layout.padding + ratio * usable;
}

/** The score (rounded to a whole step, clamped to −2…+2) at height y: the inverse of scoreToY. */
export function yToScore(y: number, layout: Pick<ChartLayout, 'height' | 'padding'>): number {
  const usable = layout.height - layout.padding * 2;
  const ratio = (y - layout.padding) / usable;
  const score = Math.round(EMOTION_MAX - ratio * (EMOTION_MAX - EMOTION_MIN));
  return clamp(score, EMOTION_MIN, EMOTION_MAX);
}

/**
 * A smooth path through every point: each segment is the cubic Bézier form of
 * a uniform Catmull-Rom spline (control points one sixth of the neighbour
 * chord away). Control points are clamped to [minY, maxY] so the curve never
 * swings past the chart's edges between two extreme scores.
 */
export function smoothPath(
  points: readonly CurvePoint[],
  bounds: { minY: number; maxY: number } = { minY: -Infinity, maxY: Infinity },
): string {
  if (points.length < 2) return '';
  const first = points[0]!;
  let d = `M ${round(first.x)} ${round(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1x = p1.x + (p2.x - p0.x) / 6;
    const c1y = clamp(p1.y + (p2.y - p0.y) / 6, bounds.minY, bounds.maxY);
    const c2x = p2.x - (p3.x - p1.x) / 6;
    const c2y = clamp(p2.y - (p3.y - p1.y) / 6, bounds.minY, bounds.maxY);
    d += ` C ${round(c1x)} ${round(c1y)}, ${round(c2x)} ${round(c2y)}, ${round(p2.x)} ${round(p2.y)}`;
  }
  return d;
}

/** Plots one emotion lane: a point per stage that has a score, joined by a smooth curve. */
export function buildEmotionChart(
  stages: readonly Stage[],
  emotions: ReadonlyMap<string, EmotionPoint>,
  laneId: string,
  layout: ChartLayout,
): EmotionChart {
  const points: PlottedEmotion[] = [];
  let left = 0;
  stages.forEach((stage, index) => {
    const width = layout.columnWidths?.[index] ?? layout.columnWidth;
    const x = left + width / 2;
    left += width;
    const point = emotions.get(cellKey(stage.id, laneId));
    if (!point) return;
    points.push({ stageId: stage.id, score: point.score, x, y: scoreToY(point.score, layout) });
  });
  return {
    points,
    path: smoothPath(points, { minY: layout.padding, maxY: layout.height - layout.padding }),
    zeroY: scoreToY(0, layout),
  };
}
