import { EVIDENCE_LEVEL_INFO } from '@journeyboard/shared/board';
import { useState } from 'react';
import { useUiStore } from '../../state/ui-store.ts';
import { Info } from 'lucide-react';
import { EvidenceIcon } from './evidence-icon.tsx';
import './evidence.css';

/**
 * The board toolbar's evidence controls, in every mode: the "Backed by
 * evidence" filter (observed and reported cards only) and the legend of the
 * marks cards carry.
 */
export function EvidenceToolbar() {
  const evidenceOnly = useUiStore((state) => state.evidenceOnly);
  const setEvidenceOnly = useUiStore((state) => state.setEvidenceOnly);
  const [legendOpen, setLegendOpen] = useState(false);
  return (
    <div className="evidence-toolbar">
      {/* Icons, named for screen readers and in a tooltip: the toolbar keeps its room for the palette. */}
      <button
        type="button"
        className="icon-button evidence-toolbar__filter"
        aria-pressed={evidenceOnly}
        aria-label="Backed by evidence"
        title="Backed by evidence: show only observed and reported cards"
        onClick={() => setEvidenceOnly(!evidenceOnly)}
      >
        <EvidenceIcon level="observed" size={16} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Evidence legend"
        title="Evidence legend"
        aria-expanded={legendOpen}
        onClick={() => setLegendOpen((open) => !open)}
      >
        <Info className="icon" size={16} aria-hidden="true" focusable="false" />
      </button>
      {legendOpen ? (
        <div
          className="evidence-legend"
          role="dialog"
          aria-label="Evidence legend"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setLegendOpen(false);
          }}
        >
          <ul>
            {EVIDENCE_LEVEL_INFO.map((info) => (
              <li
                key={info.level}
                className={`evidence-legend__item evidence-legend__item--${info.level}`}
              >
                <span className={`evidence-marker evidence-marker--${info.level}`}>
                  <EvidenceIcon level={info.level} />
                </span>
                <strong>{info.label}</strong> — {info.description}
              </li>
            ))}
            <li className="evidence-legend__item">
              <span className="evidence-marker evidence-marker--none" aria-hidden="true" />
              <strong>Not set</strong> — no mark
            </li>
          </ul>
          <p className="evidence-legend__note">
            Backed by evidence: observed and reported. Hypothesised cards have a dashed edge.
          </p>
        </div>
      ) : null}
    </div>
  );
}
