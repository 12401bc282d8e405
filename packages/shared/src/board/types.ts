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

/** Where a touchpoint happens. */
export const CHANNELS = [
  'web',
  'app',
  'email',
  'phone',
  'chat',
  'store',
  'social',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** A card's tint, independent of its lane ('none' = the lane's own colour). */
export const CARD_COLORS = [
  'none',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
  'red',
  'grey',
] as const;
export type CardColor = (typeof CARD_COLORS)[number];

/** Pain severity, opportunity impact and effort: 1 (low) … 3 (high). */
export type Level = 1 | 2 | 3;
export const LEVELS: readonly Level[] = [1, 2, 3];

/**
 * The fields a card may carry besides its text. Every card has all of them;
 * which ones the UI shows depends on its lane's kind (channel for
 * touchpoints, severity for pain points, …), so moving a card to another
 * lane keeps what was entered and shows it again if it moves back.
 */
export interface CardFields {
  readonly color: CardColor;
  readonly momentOfTruth: boolean;
  /** Touchpoint lanes. */
  readonly channel: Channel | null;
  /** Pain point lanes. */
  readonly severity: Level | null;
  /** Opportunity lanes. */
  readonly impact: Level | null;
  readonly effort: Level | null;
  /** Backstage lanes: the department or team responsible. */
  readonly owner: string;
  /** Metric lanes: name, current value, target and unit, kept as typed. */
  readonly metricName: string;
  readonly metricCurrent: string;
  readonly metricTarget: string;
  readonly metricUnit: string;
}

export const CARD_FIELD_NAMES = [
  'color',
  'momentOfTruth',
  'channel',
  'severity',
  'impact',
  'effort',
  'owner',
  'metricName',
  'metricCurrent',
  'metricTarget',
  'metricUnit',
] as const satisfies readonly (keyof CardFields)[];

export const DEFAULT_CARD_FIELDS: CardFields = {
  color: 'none',
  momentOfTruth: false,
  channel: null,
  severity: null,
  impact: null,
  effort: null,
  owner: '',
  metricName: '',
  metricCurrent: '',
  metricTarget: '',
  metricUnit: '',
};

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

export interface Card extends CardPosition, CardFields {
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
  /** 0 when the document has none (not yet synced, or not a board). */
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
