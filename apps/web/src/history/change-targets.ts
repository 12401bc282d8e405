import { cellKey, type BoardChange, type EmotionPoint } from '@journeyboard/shared/board';
import type { ChangeMark, ChangeMarks, MarkedKind } from '../components/board/change-marks.tsx';

/** What on the board a change is about: where "what changed" marks it and steps to it. */
export interface ChangeTarget {
  readonly kind: MarkedKind;
  /** A card, stage or lane id; for an emotion score, its cell key. */
  readonly id: string;
}

export function targetOf(change: BoardChange): ChangeTarget {
  if (change.kind === 'emotion.changed') {
    return { kind: 'emotions', id: cellKey(change.stageId, change.laneId) };
  }
  if ('cardId' in change) return { kind: 'cards', id: change.cardId };
  if ('stageId' in change) return { kind: 'stages', id: change.stageId };
  return { kind: 'lanes', id: change.laneId };
}

export function markOf(change: BoardChange): ChangeMark {
  if (change.kind === 'emotion.changed') {
    if (change.from === null) return 'added';
    if (change.to === null) return 'removed';
    return 'changed';
  }
  if (change.kind.endsWith('.added')) return 'added';
  if (change.kind.endsWith('.removed')) return 'removed';
  return 'changed';
}

/** Every change's mark, by what it is about; `current`: the target stepped to. */
export function marksFrom(
  changes: readonly BoardChange[],
  current: string | null,
  baselineEmotions: ReadonlyMap<string, EmotionPoint> | null,
): ChangeMarks {
  const marks: Record<MarkedKind, Map<string, ChangeMark>> = {
    cards: new Map(),
    stages: new Map(),
    lanes: new Map(),
    emotions: new Map(),
  };
  for (const change of changes) {
    const { kind, id } = targetOf(change);
    const known = marks[kind].get(id);
    // Added or removed says more than "changed" (an added card that was also edited).
    if (known !== 'added' && known !== 'removed') marks[kind].set(id, markOf(change));
  }
  return { ...marks, current, ...(baselineEmotions ? { baselineEmotions } : {}) };
}

/** The element a target is drawn as, on the board (to bring it into view). */
export function selectorFor({ kind, id }: ChangeTarget): string {
  const value = CSS.escape(id);
  switch (kind) {
    case 'cards':
      return `[data-card-id="${value}"]`;
    case 'stages':
      return `.stage-header[data-stage-id="${value}"]`;
    case 'lanes':
      return `.lane-title[data-lane-id="${value}"]`;
    case 'emotions':
      return `[data-change-cell="${value}"]`;
  }
}
