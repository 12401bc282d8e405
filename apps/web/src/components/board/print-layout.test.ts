import { describe, expect, it } from 'vitest';
import { planPrint, printLayout, PRINTABLE_WIDTH_PX } from './print-layout.ts';

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

describe('planPrint', () => {
  const chrome = { laneTitleWidth: 160, slack: 48 };
  const pointSize = (zoom: number) => 13.5 * 0.75 * zoom;
  const groupWidth = (widths: number[], group: readonly number[]) =>
    chrome.laneTitleWidth + chrome.slack + group.reduce((sum, i) => sum + widths[i]!, 0);

  it('keeps a board that fits one page width at 7 pt on one page', () => {
    const widths = Array(6).fill(220);
    expect(planPrint(widths, chrome)).toEqual({
      ...printLayout(groupWidth(widths, [0, 1, 2, 3, 4, 5])),
      pages: [[0, 1, 2, 3, 4, 5]],
    });
    expect(planPrint(Array(8).fill(220), chrome).pages).toHaveLength(1);
    expect(planPrint(Array(9).fill(220), chrome).pages).toHaveLength(2);
  });

  it('splits a board too wide for A3 at 7 pt into page-wide groups of whole stages, in order', () => {
    const widths = Array(20).fill(220);
    const plan = planPrint(widths, chrome);
    expect(plan.paper).toBe('A3');
    expect(pointSize(plan.zoom)).toBeGreaterThanOrEqual(7);
    expect(plan.pages.length).toBeGreaterThan(1);
    // Every stage exactly once, left to right.
    expect(plan.pages.flat()).toEqual(widths.map((_, i) => i));
    for (const group of plan.pages) {
      // Each group, with its repeated lane titles, fits the page at that zoom.
      expect(groupWidth(widths, group) * plan.zoom).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX.A3);
    }
    // Pages are filled: the next stage would not have fitted on the page before it.
    for (let i = 0; i < plan.pages.length - 1; i += 1) {
      const withNext = [...plan.pages[i]!, plan.pages[i + 1]![0]!];
      expect(groupWidth(widths, withNext) * plan.zoom).toBeGreaterThan(PRINTABLE_WIDTH_PX.A3);
    }
  });

  it('groups columns of different widths by their own widths', () => {
    const widths = [520, 520, 520, 160, 160, 520, 520, 520, 300];
    const plan = planPrint(widths, chrome);
    expect(plan.pages.flat()).toEqual(widths.map((_, i) => i));
    for (const group of plan.pages)
      expect(groupWidth(widths, group) * plan.zoom).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX.A3);
    expect(pointSize(plan.zoom)).toBeGreaterThanOrEqual(7);
  });

  it('prints a board without stages on one page', () => {
    expect(planPrint([], chrome).pages).toEqual([[]]);
  });
});
