import type { EmotionPoint } from '@journeyboard/shared/board';
import { createContext, useContext } from 'react';
import './change-marks.css';

/** How "what changed" marks a card or stage on the board. */
export type ChangeMark = 'added' | 'changed' | 'removed';

export interface ChangeMarks {
  readonly cards: ReadonlyMap<string, ChangeMark>;
  readonly stages: ReadonlyMap<string, ChangeMark>;
  readonly lanes: ReadonlyMap<string, ChangeMark>;
  /** Emotion scores, by cell key (`cellKey(stageId, laneId)`): marked on the curve. */
  readonly emotions: ReadonlyMap<string, ChangeMark>;
  /** The card, stage or lane id, or the emotion's cell key, the viewer stepped to. */
  readonly current: string | null;
  /**
   * The earlier board's emotion scores (cell key → point): the curve draws
   * them as a second, dashed line under the board's own (a comparison
   * overlays the two boards' curves).
   */
  readonly baselineEmotions?: ReadonlyMap<string, EmotionPoint>;
}

/** What a comparison can mark: `ChangeMarks`' maps. */
export type MarkedKind = 'cards' | 'stages' | 'lanes' | 'emotions';

/**
 * Marks for the read-only board while it shows a comparison (history view):
 * added / changed / removed-ghost. Outside one there are none, and the board
 * draws as always.
 */
export const ChangeMarksContext = createContext<ChangeMarks | null>(null);

export function useChangeMark(
  kind: MarkedKind,
  id: string,
): { mark: ChangeMark; current: boolean } | null {
  const marks = useContext(ChangeMarksContext);
  const mark = marks?.[kind].get(id);
  return mark ? { mark, current: marks?.current === id } : null;
}

const LABELS: Record<ChangeMark, string> = {
  added: 'Added',
  changed: 'Changed',
  removed: 'Removed',
};

/** The visible (and announced) label of a mark, inside the card or stage header. */
export function ChangeMarkLabel({ mark }: { mark: ChangeMark }) {
  return <span className={`change-mark change-mark--${mark}`}>{LABELS[mark]}</span>;
}

/** Class names for a marked element. */
export const changeMarkClass = (
  found: { mark: ChangeMark; current: boolean } | null,
  base: string,
): string =>
  found ? ` ${base}--change-${found.mark}${found.current ? ` ${base}--change-current` : ''}` : '';

/** The comparison's marks while one shows (the emotion curve reads its scores' marks). */
export function useChangeMarks(): ChangeMarks | null {
  return useContext(ChangeMarksContext);
}
