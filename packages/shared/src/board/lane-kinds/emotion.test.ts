import { describe, expect, it } from 'vitest';
import { EMOTION_MAX, EMOTION_MIN } from '../types.ts';
import { cardChips, laneKindColumns } from './index.ts';
import { emotion } from './emotion.ts';

describe('the emotion lane', () => {
  it('holds scores, not cards, and exports each stage’s score and note', () => {
    expect(emotion.holds).toBe('emotions');
    for (const sample of emotion.samples) {
      expect(sample.score).toBeGreaterThanOrEqual(EMOTION_MIN);
      expect(sample.score).toBeLessThanOrEqual(EMOTION_MAX);
    }
    expect(laneKindColumns('emotion').map((column) => column.header)).toEqual(['Score', 'Note']);
    expect(laneKindColumns('emotion')[0]!.format(2)).toBe('+2');
    expect(cardChips('emotion', {} as never)).toEqual([]);
  });
});
