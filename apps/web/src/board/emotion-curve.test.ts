import { applyTemplate, BoardStore, setEmotion } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildEmotionChart, scoreToY, smoothPath, yToScore } from './emotion-curve.ts';

const layout = { columnWidth: 220, height: 100, padding: 10 };

describe('scoreToY', () => {
  it('puts +2 at the top, −2 at the bottom and 0 in the middle', () => {
    expect(scoreToY(2, layout)).toBe(10);
    expect(scoreToY(-2, layout)).toBe(90);
    expect(scoreToY(0, layout)).toBe(50);
  });
});

describe('smoothPath', () => {
  it('draws nothing for fewer than two points', () => {
    expect(smoothPath([])).toBe('');
    expect(smoothPath([{ x: 1, y: 1 }])).toBe('');
  });

  it('joins points with cubic Bézier segments that pass through every point', () => {
    const path = smoothPath([
      { x: 0, y: 50 },
      { x: 100, y: 10 },
      { x: 200, y: 90 },
    ]);
    expect(path.startsWith('M 0 50 C')).toBe(true);
    expect(path.match(/C/g)).toHaveLength(2);
    expect(path).toContain(', 100 10 C');
    expect(path.endsWith(', 200 90')).toBe(true);
  });

  it('keeps control points inside the bounds so the curve does not overshoot', () => {
    const path = smoothPath(
      [
        { x: 0, y: 90 },
        { x: 100, y: 10 },
        { x: 200, y: 90 },
      ],
      { minY: 10, maxY: 90 },
    );
    const ys = [...path.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((match) => Number(match[2]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ys)).toBeLessThanOrEqual(90);
  });
});

describe('buildEmotionChart', () => {
  it('plots only stages with a score, at their column centres', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'blank');
    const store = new BoardStore(doc);
    const { stages, lanes } = store.getSnapshot();
    const emotionLane = lanes.find((lane) => lane.kind === 'emotion')!;
    setEmotion(doc, { stageId: stages[0]!.id, laneId: emotionLane.id, score: 1 });
    setEmotion(doc, { stageId: stages[2]!.id, laneId: emotionLane.id, score: -2 });

    const { stages: s, emotions } = store.getSnapshot();
    const chart = buildEmotionChart(s, emotions, emotionLane.id, layout);
    expect(chart.points.map((point) => [point.x, point.score])).toEqual([
      [110, 1],
      [550, -2],
    ]);
    expect(chart.zeroY).toBe(50);
    expect(chart.path).toMatch(/^M 110 30 C .*, 550 90$/);
  });
});

describe('yToScore', () => {
  it('inverts scoreToY for every score and clamps outside the chart', () => {
    for (const score of [-2, -1, 0, 1, 2])
      expect(yToScore(scoreToY(score, layout), layout)).toBe(score);
    expect(yToScore(-50, layout)).toBe(2);
    expect(yToScore(500, layout)).toBe(-2);
    // Closer to +1 than to 0 rounds to +1.
    expect(yToScore((scoreToY(1, layout) * 3 + scoreToY(0, layout)) / 4, layout)).toBe(1);
  });
});

describe('buildEmotionChart with columns of their own widths', () => {
  it('puts each point at the centre of its own column', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'blank');
    const store = new BoardStore(doc);
    const { stages, lanes } = store.getSnapshot();
    const laneId = lanes.find((lane) => lane.kind === 'emotion')!.id;
    setEmotion(doc, { stageId: stages[0]!.id, laneId, score: 1 });
    setEmotion(doc, { stageId: stages[2]!.id, laneId, score: -1 });
    const chart = buildEmotionChart(stages, store.getSnapshot().emotions, laneId, {
      ...layout,
      columnWidths: [200, 300, 260],
    });
    expect(chart.points.map((point) => point.x)).toEqual([100, 200 + 300 + 130]);
    store.destroy();
  });
});
