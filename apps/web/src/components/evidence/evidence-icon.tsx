import type { EvidenceLevel } from '@journeyboard/shared/board';
import { Eye, FlaskConical, MessageSquareQuote, Waypoints, type LucideIcon } from 'lucide-react';

/** One Lucide glyph per level: seen, said, reasoned, guessed. */
const GLYPHS: Record<EvidenceLevel, LucideIcon> = {
  observed: Eye,
  reported: MessageSquareQuote,
  inferred: Waypoints,
  hypothesised: FlaskConical,
};

/** Decorative: whoever shows it also says the level in words (visually hidden or visible). */
export function EvidenceIcon({ level, size = 12 }: { level: EvidenceLevel; size?: number }) {
  const Glyph = GLYPHS[level];
  return <Glyph className="icon" size={size} aria-hidden="true" focusable="false" />;
}
