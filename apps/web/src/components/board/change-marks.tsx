import type { EmotionPoint } from '@journeyboard/shared/board';
import { createContext, useContext } from 'react';
import './change-marks.css';

/** How "what changed" marks a card or stage on the board. */
export type ChangeMark = 'added' | 'changed' | 'removed';

export interface ChangeMarks {
  readonly cards: ReadonlyMap<string, ChangeMark>;
  readonly stages: ReadonlyMap<string, ChangeMark>;
  /** The card or stage the viewer stepped to. */
  readonly current: string | null;
  /**
   * The earlier board's emotion scores (cell key → point): the curve draws
   * them as a second, dashed line under the board's own ("compare with
   * current state" overlays the two maps' curves).
   */
  readonly baselineEmotions?: ReadonlyMap<string, EmotionPoint>;
}

/**
 * Marks for the read-only board while it shows a comparison (history view):
 * added / changed / removed-ghost. Outside one there are none, and the board
 * draws as always.
 */
export const ChangeMarksContext = createContext<ChangeMarks | null>(null);

export function useChangeMark(
  kind: 'cards' | 'stages',
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

/** The earlier board's emotion scores while a comparison shows, to draw beside the curve. */
export function useBaselineEmotions(): ReadonlyMap<string, EmotionPoint> | null {
  return useContext(ChangeMarksContext)?.baselineEmotions ?? null;
}
