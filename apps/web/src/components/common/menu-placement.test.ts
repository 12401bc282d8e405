import { describe, expect, it } from 'vitest';
import { placeMenu } from './menu-placement.ts';

const window768 = { top: 0, left: 0, bottom: 768, right: 1366 };
const menu = { width: 210, height: 240 };
const buttonAt = (top: number, right = 540) => ({
  top,
  bottom: top + 24,
  left: right - 24,
  right,
});

describe('placeMenu', () => {
  it('opens under its button, right edges aligned, where it fits', () => {
    expect(placeMenu(buttonAt(200), menu, window768)).toEqual({
      top: 228,
      left: 330,
      maxHeight: undefined,
      side: 'below',
    });
  });

  it('opens upwards from a button near the bottom of the window, ending just above it', () => {
    const placement = placeMenu(buttonAt(700), menu, window768);
    expect(placement.side).toBe('above');
    expect(placement.top + menu.height).toBe(696);
    expect(placement.maxHeight).toBeUndefined();
  });

  it('takes the roomier side and scrolls inside when it fits on neither', () => {
    const short = { top: 0, left: 0, bottom: 300, right: 1366 };
    const placement = placeMenu(buttonAt(200), menu, short);
    expect(placement).toMatchObject({ side: 'above', top: 8, maxHeight: 188 });
  });

  it('stays inside the window at its left and right edges', () => {
    expect(placeMenu(buttonAt(200, 100), menu, window768).left).toBe(8);
    expect(placeMenu(buttonAt(200, 1400), menu, window768).left).toBe(1366 - 8 - 210);
  });
});
