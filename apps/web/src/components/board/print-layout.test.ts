import { describe, expect, it } from 'vitest';
import { printLayout, PRINTABLE_WIDTH_PX } from './print-layout.ts';

describe('printLayout', () => {
  it('prints a board that fits at full size on A4', () => {
    expect(printLayout(900)).toEqual({ paper: 'A4', zoom: 1 });
  });

  it('scales a wider board to the A4 width while its text stays at least 7 pt', () => {
    const { paper, zoom } = printLayout(1400);
    expect(paper).toBe('A4');
    expect(1400 * zoom).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX.A4);
    expect(13.5 * 0.75 * zoom).toBeGreaterThanOrEqual(7);
  });

  it('moves to A3 when A4 would make the text smaller than 7 pt', () => {
    const { paper, zoom } = printLayout(2000);
    expect(paper).toBe('A3');
    expect(2000 * zoom).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX.A3);
  });
});
