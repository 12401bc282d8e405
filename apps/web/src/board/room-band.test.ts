import type { TStageRating } from '@journeyboard/shared';
import type { Stage } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { scoreToY } from './emotion-curve.ts';
import { BAND_OFFSET, buildRoomBand } from './room-band.ts';

const layout = { columnWidth: 200, height: 104, padding: 14 };
const stage = (id: string) => ({ id, title: id }) as unknown as Stage;
const rating = (stageId: string, scores: number[]): TStageRating => ({
  stageId,
  stageTitle: stageId,
  n: scores.length,
  mean: scores.reduce((a, b) => a + b, 0) / scores.length,
  min: Math.min(...scores),
  max: Math.max(...scores),
  scores: scores.map((score) => ({ name: null, score })),
});

describe('buildRoomBand (the room’s scores beside the emotion curve)', () => {
  it('draws a min–max band and the mean per rated stage, beside its column centre', () => {
    const band = buildRoomBand(
      [stage('a'), stage('b'), stage('c')],
      [rating('a', [-2, 1]), rating('c', [2, 2, 1])],
      layout,
    );
    expect(band.marks).toEqual([
      {
        stageId: 'a',
        x: 100 + BAND_OFFSET,
        maxY: scoreToY(1, layout),
        minY: scoreToY(-2, layout),
        meanY: scoreToY(-0.5, layout),
        mean: -0.5,
        min: -2,
        max: 1,
        n: 2,
      },
      expect.objectContaining({ stageId: 'c', x: 500 + BAND_OFFSET, n: 3 }),
    ]);
    // +2 at the top of the chart, −2 at the bottom: the band's top is the highest score.
    expect(band.marks[0]!.maxY).toBeLessThan(band.marks[0]!.minY);
    expect(band.meanPath).toBe(
      `M ${100 + BAND_OFFSET} ${scoreToY(-0.5, layout)} L ${500 + BAND_OFFSET} ${Math.round(scoreToY(5 / 3, layout) * 100) / 100}`,
    );
  });

  it('follows resized columns and leaves out stages deleted since the reveal', () => {
    const band = buildRoomBand([stage('a'), stage('b')], [rating('b', [0]), rating('gone', [2])], {
      ...layout,
      columnWidths: [300, 100],
    });
    expect(band.marks.map((mark) => [mark.stageId, mark.x])).toEqual([['b', 350 + BAND_OFFSET]]);
    // A single point: no line through the means, and a band of no height.
    expect(band.meanPath).toBe('');
    expect(band.marks[0]!.minY).toBe(band.marks[0]!.maxY);
  });

  it('draws nothing without results', () => {
    expect(buildRoomBand([stage('a')], [], layout)).toEqual({ marks: [], meanPath: '' });
  });
});
