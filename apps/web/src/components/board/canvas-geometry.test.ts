import { describe, expect, it } from 'vitest';
import {
  CARD_TEXT_PX,
  centredScroll,
  chromeZoom,
  COMPACT_BELOW,
  fitBoard,
  isCompactZoom,
  originAfterZoom,
  READABLE_TEXT_PX,
  searchFitZoom,
  TITLE_MIN_SCALE,
  ZOOM_MAX,
  ZOOM_MIN,
  zoomForWheel,
  zoomToShow,
  type Size,
} from './canvas-geometry.ts';
import { shortcut } from './use-canvas-zoom.ts';

/**
 * A board as the browser would lay it out: lane titles and the header row
 * keep their size on screen below TITLE_MIN_SCALE (they are scaled back up),
 * the cells scale with the zoom, and cards are shorter in their compact form.
 */
function modelBoard({
  stages = 6,
  columnWidth = 220,
  laneTitleWidth = 160,
  headerHeight = 62,
  fullRows = 1500,
  compactRows = 560,
  /** The lane titles' heights together: a row is never shorter than its title. */
  laneTitles = 0,
  /** Rows' padding and borders, which grow with the zoom even while the titles set their height. */
  rowPadding = 0,
}: Partial<Record<string, number>> = {}) {
  return (zoom: number, compact = false): Size => {
    const titleScale = Math.max(zoom, TITLE_MIN_SCALE);
    const rows = compact || isCompactZoom(zoom) ? compactRows : fullRows;
    return {
      width: laneTitleWidth * titleScale + stages * columnWidth * zoom,
      height:
        headerHeight * titleScale +
        Math.max(rows * zoom, laneTitles * titleScale) +
        rowPadding * zoom,
    };
  };
}

describe('semantic zoom', () => {
  it('shows compact cards exactly where card text would drop below 9 px on screen', () => {
    expect(COMPACT_BELOW).toBeCloseTo(READABLE_TEXT_PX / CARD_TEXT_PX);
    expect(isCompactZoom(1)).toBe(false);
    expect(isCompactZoom(0.67)).toBe(false);
    expect(CARD_TEXT_PX * 0.67).toBeGreaterThanOrEqual(READABLE_TEXT_PX);
    expect(isCompactZoom(0.66)).toBe(true);
    expect(CARD_TEXT_PX * 0.66).toBeLessThan(READABLE_TEXT_PX);
    expect(isCompactZoom(0.25)).toBe(true);
  });

  it('scales titles back up below TITLE_MIN_SCALE, so they never shrink past it', () => {
    expect(chromeZoom(1.5)).toBe(1);
    expect(chromeZoom(TITLE_MIN_SCALE)).toBe(1);
    for (const zoom of [0.8, 0.5, 0.25]) {
      expect(zoom * chromeZoom(zoom)).toBeCloseTo(TITLE_MIN_SCALE, 2);
    }
  });
});

describe('searchFitZoom', () => {
  it('returns 100 % when the board already fits', () => {
    const measure = modelBoard({ fullRows: 300 });
    expect(searchFitZoom((zoom) => measure(zoom), { width: 1800, height: 900 })).toBe(1);
  });

  it('finds the largest whole per cent at which width and height fit', () => {
    const measure = modelBoard({ compactRows: 1500 }); // no compact form: plain proportions
    const available = { width: 1400, height: 760 };
    const zoom = searchFitZoom((z) => measure(z), available);
    const fits = (z: number) =>
      measure(z).width <= available.width && measure(z).height <= available.height;
    expect(fits(zoom)).toBe(true);
    expect(fits(zoom + 0.01)).toBe(false);
  });

  it('fits only the width when asked (fit width), up to its maximum', () => {
    const measure = modelBoard();
    const zoom = searchFitZoom(
      (z) => measure(z),
      { width: 1000, height: 100 },
      {
        widthOnly: true,
        max: 1.5,
      },
    );
    expect(measure(zoom).width).toBeLessThanOrEqual(1000);
    expect(measure(zoom + 0.01).width).toBeGreaterThan(1000);
    expect(
      searchFitZoom((z) => measure(z), { width: 5000, height: 10 }, { widthOnly: true, max: 1.5 }),
    ).toBe(1.5);
  });

  it('copes with a board that is smaller compact than full, without oscillating', () => {
    const measure = modelBoard();
    const calls: number[] = [];
    const zoom = searchFitZoom(
      (z) => {
        calls.push(z);
        return measure(z);
      },
      { width: 1400, height: 760 },
    );
    // Full cards never fit above the compact threshold here; compact ones do just below it.
    expect(zoom).toBe(0.66);
    expect(calls.length).toBeLessThanOrEqual(12);
  });
});

describe('fitBoard', () => {
  it('keeps full cards when they fit at a readable zoom', () => {
    const measure = modelBoard({ fullRows: 700 });
    const fit = fitBoard(measure, { width: 1800, height: 900 });
    expect(fit.compact).toBe(false);
    expect(isCompactZoom(fit.zoom)).toBe(false);
  });

  it('otherwise shows the compact overview at the largest zoom where it fits (1440×900)', () => {
    const measure = modelBoard();
    const available = { width: 1416, height: 760 };
    const fit = fitBoard(measure, available);
    expect(fit.compact).toBe(true);
    expect(fit.zoom).toBeGreaterThan(COMPACT_BELOW);
    const size = measure(fit.zoom, true);
    expect(size.width).toBeLessThanOrEqual(available.width);
    expect(size.height).toBeLessThanOrEqual(available.height);
    const bigger = measure(fit.zoom + 0.01, true);
    expect(bigger.width > available.width || bigger.height > available.height).toBe(true);
  });

  it('fits the width when the titles alone are taller than the view (many lanes, 1366×768)', () => {
    // Titles keep a readable size at every zoom: no zoom makes this board fit the height.
    const measure = modelBoard({ laneTitles: 700 });
    const available = { width: 1318, height: 616 };
    expect(measure(ZOOM_MIN, true).height).toBeGreaterThan(available.height);
    const fit = fitBoard(measure, available);
    expect(fit.compact).toBe(true);
    expect(fit.zoom).toBeGreaterThan(ZOOM_MIN);
    const size = measure(fit.zoom, true);
    expect(size.width).toBeLessThanOrEqual(available.width);
    // Hardly taller than its titles make it: about the least it can scroll.
    expect(size.height).toBeLessThanOrEqual(measure(ZOOM_MIN, true).height * 1.02);
  });

  it('finds that zoom when the height creeps up with it (padding), not the smallest', () => {
    const measure = modelBoard({ laneTitles: 700, rowPadding: 60, columnWidth: 150 });
    const available = { width: 1318, height: 616 };
    const cap = measure(ZOOM_MIN, true).height * 1.02;
    const zooms = Array.from({ length: 76 }, (_, step) => ZOOM_MIN + step / 100);
    const best = Math.max(
      ...zooms.filter((zoom) => {
        const size = measure(zoom, true);
        return size.width <= available.width && size.height <= cap;
      }),
    );
    expect(best).toBeGreaterThan(0.4);
    expect(fitBoard(measure, available).zoom).toBeGreaterThanOrEqual(best - 0.02);
  });

  it('never enlarges past 100 %', () => {
    expect(fitBoard(modelBoard(), { width: 4000, height: 3000 })).toEqual({
      zoom: 1,
      compact: false,
    });
  });
});

describe('zooming around the pointer', () => {
  it('keeps the board point under the pointer where it was', () => {
    const pointer = { x: 700, y: 400 };
    const origin = { x: 200, y: 150 };
    const next = originAfterZoom(pointer, origin, 1, 2);
    // The point 500 px right of the origin at 100 % is 1000 px right of it at 200 %.
    expect(next).toEqual({ x: 700 - 1000, y: 400 - 500 });
    const boardPoint = (pointer.x - origin.x) / 1;
    expect((pointer.x - next.x) / 2).toBe(boardPoint);
  });

  it('zooms out when the wheel turns towards the person, in even steps for a pinch', () => {
    expect(zoomForWheel(1, 100)).toBeLessThan(1);
    expect(zoomForWheel(1, -100)).toBeGreaterThan(1);
    // A mouse notch is capped; a pinch's small deltas add up smoothly.
    expect(zoomForWheel(1, 1000)).toBe(zoomForWheel(1, 40));
    let pinched = 1;
    for (let step = 0; step < 10; step++) pinched = zoomForWheel(pinched, -4);
    expect(pinched).toBeCloseTo(zoomForWheel(1, -40), 5);
    expect(zoomForWheel(0.25, 100)).toBe(0.25);
    expect(zoomForWheel(2, -100)).toBe(2);
  });

  it('centres a box in the viewport, never scrolling before the start', () => {
    expect(
      centredScroll({ left: 1000, top: 0, width: 200, height: 100 }, { width: 800, height: 600 }),
    ).toEqual({ x: 700, y: 0 });
  });
});

describe("showing someone else's view", () => {
  it('gives back the sender’s zoom on a screen like theirs, despite whole-pixel areas', () => {
    const screen = { width: 1263, height: 611 };
    for (const zoom of [0.33, 0.58, 0.83, 1, 1.44]) {
      const area = {
        width: Math.round(screen.width / zoom),
        height: Math.round(screen.height / zoom),
      };
      expect(zoomToShow(area, screen)).toBe(zoom);
    }
  });

  it('fits the whole area on a smaller or differently shaped screen', () => {
    const area = { width: 2000, height: 1000 };
    expect(zoomToShow(area, { width: 1000, height: 1000 })).toBe(0.5);
    expect(zoomToShow(area, { width: 4000, height: 500 })).toBe(0.5);
  });

  it('stays within the zoom limits and ignores an empty area', () => {
    expect(zoomToShow({ width: 100_000, height: 100_000 }, { width: 800, height: 600 })).toBe(
      ZOOM_MIN,
    );
    expect(zoomToShow({ width: 10, height: 10 }, { width: 800, height: 600 })).toBe(ZOOM_MAX);
    expect(zoomToShow({ width: 0, height: 0 }, { width: 800, height: 600 })).toBe(1);
  });
});

describe('keyboard', () => {
  it('puts fit, fit width, fit stage and 100 % one key away', () => {
    const press = (code: string, key = '') => shortcut({ code, key, shiftKey: true });
    expect(press('Digit1', '!')).toBe('fit');
    expect(press('Digit2', '@')).toBe('fitWidth');
    expect(press('Digit3', '#')).toBe('fitStage');
    expect(press('Digit0', ')')).toBe('resetZoom');
    expect(shortcut({ code: 'Equal', key: '+', shiftKey: true })).toBe('zoomIn');
    expect(shortcut({ code: 'Minus', key: '-', shiftKey: false })).toBe('zoomOut');
    expect(shortcut({ code: 'Digit1', key: '1', shiftKey: false })).toBeNull();
  });
});
