import type { Level } from '../../board/use-board.ts';
import { LEVEL_LABELS } from './card-field-labels.ts';

interface LevelPickerProps {
  /** "Severity", "Impact", "Effort". */
  label: string;
  value: Level | null;
  onChange: (level: Level | null) => void;
}

const LEVELS: readonly Level[] = [1, 2, 3];

/** Low / Medium / High as a row of toggle buttons; pressing the chosen one again clears it. */
export function LevelPicker({ label, value, onChange }: LevelPickerProps) {
  return (
    <div className="field-row" role="group" aria-label={label}>
      <span className="field-row__label" aria-hidden="true">
        {label}
      </span>
      <div className="segmented">
        {LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className="segmented__option"
            aria-pressed={value === level}
            aria-label={`${label} ${LEVEL_LABELS[level].toLowerCase()}`}
            onClick={() => onChange(value === level ? null : level)}
          >
            {LEVEL_LABELS[level]}
          </button>
        ))}
      </div>
    </div>
  );
}
