import { describe, expect, it } from 'vitest';
import {
  AUTO_WIDTH_MAX,
  AUTO_WIDTH_MIN,
  autoStageWidth,
  clampStageWidth,
  columnSpans,
  parseWidthsKey,
  STAGE_WIDTH_MAX,
  STAGE_WIDTH_MIN,
  stageWidthVar,
} from './stage-widths.ts';

describe('autoStageWidth', () => {
  it('gives a short stage with short cards the narrowest auto width', () => {
    expect(autoStageWidth('Setup', ['Wizard', 'Chat'])).toBe(AUTO_WIDTH_MIN);
  });

  it('widens for a long word in the title, so a title is never cut mid-word', () => {
    const width = autoStageWidth('Self-service-onboarding-review', []);
    expect(width).toBeGreaterThan(AUTO_WIDTH_MIN);
    expect(width % 20).toBe(0);
  });

  it('widens for long cards, up to its maximum', () => {
    const long = 'x'.repeat(120);
    expect(autoStageWidth('Setup', [long])).toBeGreaterThan(AUTO_WIDTH_MIN);
    expect(autoStageWidth('Setup', ['y'.repeat(2000)])).toBe(AUTO_WIDTH_MAX);
  });

  it('does not move while a card grows by a character or two', () => {
    const base = 'a'.repeat(100);
    expect(autoStageWidth('Setup', [base])).toBe(autoStageWidth('Setup', [`${base}b`]));
  });
});

describe('column widths', () => {
  it('keeps a resized column within its limits', () => {
    expect(clampStageWidth(20)).toBe(STAGE_WIDTH_MIN);
    expect(clampStageWidth(5000)).toBe(STAGE_WIDTH_MAX);
    expect(clampStageWidth(301.6)).toBe(302);
  });

  it('reads the widths key back', () => {
    expect([...parseWidthsKey('a:200,b-c:260')]).toEqual([
      ['a', 200],
      ['b-c', 260],
    ]);
    expect(parseWidthsKey('').size).toBe(0);
  });

  it('lays the columns side by side', () => {
    const stages = [{ id: 'a' }, { id: 'b' }, { id: 'c' }] as never[];
    const widths: Record<string, number> = { a: 200, b: 300, c: 240 };
    expect(columnSpans(stages, (id) => widths[id]!)).toEqual([
      { left: 0, width: 200 },
      { left: 200, width: 300 },
      { left: 500, width: 240 },
    ]);
  });

  it('names each column’s CSS variable safely', () => {
    expect(stageWidthVar('0a1b')).toBe('--stage-w-0a1b');
    expect(stageWidthVar('a b.c')).toBe('--stage-w-a_b_c');
  });
});
