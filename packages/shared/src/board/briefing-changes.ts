/**
 * The briefing's "what changed since the last review": a reader's summary of
 * a list of board changes (the diff engine's, as the history API answers
 * them) — how many of each kind, and the ones leadership asks about first:
 * new pain points, pain points gone, and where the emotion curve moved.
 * Pure: the board (the live one) only names stages and tells lane kinds.
 */
import type { BoardChange } from './diff.ts';
import type { BoardSnapshot, Card, Level } from './types.ts';

export interface ChangedPainPoint {
  readonly id: string;
  readonly text: string;
  readonly stageTitle: string;
  readonly severity: Level | null;
}

export interface EmotionShift {
  readonly stageId: string;
  readonly stageTitle: string;
  /** null: no score there (before, or now). */
  readonly from: number | null;
  readonly to: number | null;
}

export interface BriefingChanges {
  /** Cards added, edited, moved, removed; stage and lane changes; emotion scores changed. */
  readonly counts: {
    readonly added: number;
    readonly edited: number;
    readonly moved: number;
    readonly removed: number;
    readonly structure: number;
    readonly emotion: number;
  };
  readonly total: number;
  readonly newPainPoints: readonly ChangedPainPoint[];
  readonly removedPainPoints: readonly ChangedPainPoint[];
  /** Biggest move first. */
  readonly emotionShifts: readonly EmotionShift[];
}

export function briefingChanges(
  changes: readonly BoardChange[],
  board: BoardSnapshot,
): BriefingChanges {
  const stageTitle = new Map(board.stages.map((stage) => [stage.id, stage.title]));
  const laneKind = new Map(board.lanes.map((lane) => [lane.id, lane.kind]));
  const painPoint = (card: Card): ChangedPainPoint => ({
    id: card.id,
    text: card.text,
    stageTitle: stageTitle.get(card.stageId) ?? 'a removed stage',
    severity: card.severity ?? null,
  });
  const edited = new Set<string>();
  const counts = { added: 0, edited: 0, moved: 0, removed: 0, structure: 0, emotion: 0 };
  const newPainPoints: ChangedPainPoint[] = [];
  const removedPainPoints: ChangedPainPoint[] = [];
  const emotionShifts: EmotionShift[] = [];
  for (const change of changes) {
    switch (change.kind) {
      case 'card.added':
        counts.added += 1;
        if (laneKind.get(change.card.laneId) === 'pain') newPainPoints.push(painPoint(change.card));
        break;
      case 'card.removed':
        counts.removed += 1;
        // A removed card's lane may be gone too; then it was no pain point anyone still tracks.
        if (laneKind.get(change.card.laneId) === 'pain') {
          removedPainPoints.push(painPoint(change.card));
        }
        break;
      case 'card.moved':
        counts.moved += 1;
        break;
      case 'card.text':
      case 'card.field':
        edited.add(change.cardId);
        break;
      case 'emotion.changed':
        counts.emotion += 1;
        if (change.from?.score !== change.to?.score) {
          emotionShifts.push({
            stageId: change.stageId,
            stageTitle: stageTitle.get(change.stageId) ?? 'a removed stage',
            from: change.from?.score ?? null,
            to: change.to?.score ?? null,
          });
        }
        break;
      default:
        counts.structure += 1;
    }
  }
  counts.edited = edited.size;
  const size = (shift: EmotionShift) => Math.abs((shift.to ?? 0) - (shift.from ?? 0));
  return {
    counts,
    total: changes.length,
    newPainPoints: newPainPoints.sort((a, b) => (b.severity ?? 1) - (a.severity ?? 1)),
    removedPainPoints,
    emotionShifts: emotionShifts.sort((a, b) => size(b) - size(a)),
  };
}
