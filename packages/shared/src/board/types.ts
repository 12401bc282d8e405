/** Kinds of lane; each kind decides which fields its cards carry. */
export const LANE_KINDS = [
  'touchpoint',
  'action',
  'thought',
  'pain',
  'emotion',
  'opportunity',
  'backstage',
  'metric',
  'notes',
] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

export interface Stage {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly order: string;
  readonly momentOfTruth: boolean;
}

export interface Lane {
  readonly id: string;
  readonly title: string;
  readonly kind: LaneKind;
  readonly order: string;
  readonly collapsed: boolean;
}

/** Where a card sits: one cell of the grid, and its rank inside that cell. */
export interface CardPosition {
  readonly stageId: string;
  readonly laneId: string;
  readonly order: string;
}

export interface Card extends CardPosition {
  readonly id: string;
  readonly text: string;
}

export interface EmotionPoint {
  readonly laneId: string;
  readonly stageId: string;
  readonly score: number;
  readonly note: string;
}

/** An immutable view of the whole board, rebuilt with structural sharing. */
export interface BoardSnapshot {
  readonly schemaVersion: number;
  readonly stages: readonly Stage[];
  readonly lanes: readonly Lane[];
  readonly cards: ReadonlyMap<string, Card>;
  /** Card ids per cell (`cellKey(stageId, laneId)`), in display order. */
  readonly cells: ReadonlyMap<string, readonly string[]>;
  /** Emotion points per `cellKey(stageId, laneId)`. */
  readonly emotions: ReadonlyMap<string, EmotionPoint>;
}

export const cellKey = (stageId: string, laneId: string): string => `${stageId}:${laneId}`;
