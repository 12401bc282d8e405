import type { BoardSnapshot, Card, EmotionPoint, Lane, Stage } from './types.ts';

/**
 * A board snapshot as JSON text, kept beside a device's copy of the document
 * so that the board can be drawn before Yjs has decoded that copy
 * (BoardStore.showPreview). Plain data only: the document stays the truth,
 * and a text this release did not write is not read at all.
 */
const FORMAT = 1;

interface StoredSnapshot {
  readonly format: typeof FORMAT;
  readonly schemaVersion: number;
  readonly stages: readonly Stage[];
  readonly lanes: readonly Lane[];
  readonly cards: readonly Card[];
  readonly cells: readonly (readonly [string, readonly string[]])[];
  readonly emotions: readonly (readonly [string, EmotionPoint])[];
}

export function snapshotToJson(snapshot: BoardSnapshot): string {
  const stored: StoredSnapshot = {
    format: FORMAT,
    schemaVersion: snapshot.schemaVersion,
    stages: snapshot.stages,
    lanes: snapshot.lanes,
    cards: [...snapshot.cards.values()],
    cells: [...snapshot.cells],
    emotions: [...snapshot.emotions],
  };
  return JSON.stringify(stored);
}

/** null for text that is not a snapshot of this format (another release's, or damaged). */
export function snapshotFromJson(text: string): BoardSnapshot | null {
  let stored: { [K in keyof StoredSnapshot]?: unknown };
  try {
    stored = JSON.parse(text) as typeof stored;
  } catch {
    return null;
  }
  const { stages, lanes, cards, cells, emotions } = stored;
  if (
    stored.format !== FORMAT ||
    typeof stored.schemaVersion !== 'number' ||
    !Array.isArray(stages) ||
    !Array.isArray(lanes) ||
    !Array.isArray(cards) ||
    !Array.isArray(cells) ||
    !Array.isArray(emotions)
  ) {
    return null;
  }
  // Written by snapshotToJson on this device, in this format: the shapes are ours.
  return {
    schemaVersion: stored.schemaVersion,
    stages: stages as Stage[],
    lanes: lanes as Lane[],
    cards: new Map((cards as Card[]).map((card) => [card.id, card])),
    cells: new Map(cells as [string, string[]][]),
    emotions: new Map(emotions as [string, EmotionPoint][]),
  };
}
