/** The page's dark text colour on light surfaces (base.css `--text` in the light theme). */
const DARK_INK = '#111827';
const WHITE_INK = '#ffffff';

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The colour of a persona's initials on its own colour: white, or dark text
 * where white would be hard to read. White on three of the eight offered
 * colours (orange, green, teal) was under 4.5:1 — and a persona's colour can
 * be any `#rrggbb` — so it is whichever of the two reads better.
 */
export function avatarInk(background: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return WHITE_INK;
  const behind = luminance(background);
  return contrast(behind, luminance(WHITE_INK)) >= contrast(behind, luminance(DARK_INK))
    ? WHITE_INK
    : DARK_INK;
}
