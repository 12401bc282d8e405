import {
  EVIDENCE_LEVEL_INFO,
  EVIDENCE_SOURCES_MAX_LENGTH,
  isEvidenceLevel,
} from '@journeyboard/shared/board';
import { useEffect, useId, useRef } from 'react';
import { useBoardActions, type Card } from '../../board/use-board.ts';
import './evidence.css';

/**
 * Every card's evidence, under its lane's own fields in the open card: a
 * level (saved at once) and sources, links or notes one a line (saved when
 * left, so one edit is one undo step).
 */
export function EvidenceEditor({ card }: { card: Card }) {
  const actions = useBoardActions();
  const levelId = useId();
  const sourcesId = useId();
  // What was typed and not saved yet (null: nothing).
  const draft = useRef<string | null>(null);
  const saveSources = (value: string) => {
    draft.current = null;
    const next = value.trim();
    if (next !== card.evidenceSources) actions.updateCard(card.id, { evidenceSources: next });
  };
  // Escape and Ctrl+Enter close the card without a blur: what was typed is kept all the same.
  // (updateCard writes only what changed.)
  const cardId = card.id;
  useEffect(
    () => () => {
      if (draft.current !== null) {
        actions.updateCard(cardId, { evidenceSources: draft.current.trim() });
      }
    },
    [actions, cardId],
  );
  return (
    <div className="evidence-editor">
      <div className="field-row">
        <label className="field-row__label" htmlFor={levelId}>
          Evidence
        </label>
        <select
          id={levelId}
          className="input input--small"
          title={EVIDENCE_LEVEL_INFO.find((info) => info.level === card.evidence)?.description}
          value={card.evidence ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            actions.updateCard(card.id, { evidence: isEvidenceLevel(value) ? value : null });
          }}
        >
          <option value="">Not set</option>
          {/* The level's name alone, so a narrow card's drop-down shows it whole (not
              "Observed — seen i"); what it means is the tooltip, as in the legend. */}
          {EVIDENCE_LEVEL_INFO.map((info) => (
            <option key={info.level} value={info.level} title={info.description}>
              {info.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <label className="field-row__label" htmlFor={sourcesId}>
          Sources
        </label>
        <textarea
          id={sourcesId}
          className="input input--small evidence-editor__sources"
          // Keyed by the stored value so a collaborator's change shows up.
          key={card.evidenceSources}
          defaultValue={card.evidenceSources}
          placeholder="Links or notes, one a line"
          rows={2}
          maxLength={EVIDENCE_SOURCES_MAX_LENGTH}
          onChange={(event) => {
            draft.current = event.currentTarget.value;
          }}
          onBlur={(event) => saveSources(event.currentTarget.value)}
        />
      </div>
    </div>
  );
}
