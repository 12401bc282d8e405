import { PERSONA_COLORS } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { avatarInk } from './avatar-ink.ts';

/** WCAG contrast of two `#rrggbb` colours, computed here independently of avatar-ink.ts. */
function contrastOf(a: string, b: string): number {
  const lum = (hex: string) =>
    [1, 3, 5]
      .map((at) => parseInt(hex.slice(at, at + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [light, dark] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('avatarInk', () => {
  it('gives every offered persona colour initials at 4.5:1 or better', () => {
    for (const colour of PERSONA_COLORS) {
      expect(contrastOf(colour, avatarInk(colour)), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps white on dark colours and turns dark on light ones', () => {
    expect(avatarInk('#2563eb')).toBe('#ffffff');
    expect(avatarInk('#ea580c')).toBe('#111827');
    expect(avatarInk('#FDE68A')).toBe('#111827');
  });
});
