import { evidenceLabel, type EvidenceLevel } from '@journeyboard/shared/board';
import { EvidenceIcon } from '../evidence/evidence-icon.tsx';

/** "Observed" with its icon; "Evidence not set" in muted text. */
export function EvidenceLabel({ level }: { level: EvidenceLevel | null }) {
  if (!level)
    return <span className="briefing-evidence briefing-evidence--none">Evidence not set</span>;
  return (
    <span className={`briefing-evidence briefing-evidence--${level}`}>
      <EvidenceIcon level={level} />
      {evidenceLabel(level)}
    </span>
  );
}
