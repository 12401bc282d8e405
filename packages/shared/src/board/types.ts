import type { EvidenceLevel } from './evidence.ts';
import type { LaneKind, LaneKindFields } from './lane-kinds/index.ts';

/** Kinds of lane (touchpoints, pain points, …): see the registry in lane-kinds/. */
export type { LaneKind };

/**
 * The most a card's text holds, like a long sticky note. The board's own
 * operations keep to it (ops.ts), so whatever is on a board fits a map file
 * (MAP_FILE_LIMITS.cardText) and a private card keeps to the same.
 */
export const CARD_TEXT_MAX = 5000;

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

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

/** A person's name as a card's author (`addedBy`); longer is cut when stored. */
export const ADDED_BY_MAX_LENGTH = 120;

/** Pain severity, opportunity impact and effort: 1 (low) … 3 (high). */
export type Level = 1 | 2 | 3;
export const LEVELS: readonly Level[] = [1, 2, 3];

/**
 * The fields a card may carry besides its text: a colour and a moment-of-truth
 * flag and the evidence behind it on every card, and each lane kind's own fields (channel for
 * touchpoints, severity for pain points, …; declared in lane-kinds/). Every
 * card has all of them; which ones the UI shows depends on its lane's kind,
 * so moving a card to another lane keeps what was entered and shows it again
 * if it moves back.
 */
export interface CardFields extends LaneKindFields {
  readonly color: CardColor;
  readonly momentOfTruth: boolean;
  /** How well the card is known (evidence.ts); null = not set. */
  readonly evidence: EvidenceLevel | null;
  /** Where the evidence comes from: links or text, one a line ('' = none). */
  readonly evidenceSources: string;
  /**
   * Who wrote the card, when that is worth keeping: a silent brainstorm's
   * reveal puts its author's name here unless it was revealed without names
   * ('' = not recorded).
   */
  readonly addedBy: string;
}

/** Where a touchpoint happens. */
export type Channel = NonNullable<CardFields['channel']>;

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
