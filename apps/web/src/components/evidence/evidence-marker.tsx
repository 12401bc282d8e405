import { evidenceLabel, EVIDENCE_LEVEL_INFO, type EvidenceLevel } from '@journeyboard/shared/board';
import { EvidenceIcon } from './evidence-icon.tsx';
import './evidence.css';

/**
 * The discreet evidence mark in a card's corner: the level's icon, its name
 * for screen readers and as a tooltip (with what it means). Nothing when not
 * set, so a board without evidence looks as before.
 */
export function EvidenceMarker({ level }: { level: EvidenceLevel | null }) {
  if (!level) return null;
  const info = EVIDENCE_LEVEL_INFO.find((entry) => entry.level === level);
  return (
    <span
      className={`evidence-marker evidence-marker--${level}`}
      title={`Evidence: ${evidenceLabel(level)}${info ? ` (${info.description})` : ''}`}
      data-evidence-marker={level}
    >
      <EvidenceIcon level={level} />
      <span className="visually-hidden">Evidence: {evidenceLabel(level)}</span>
    </span>
  );
}
