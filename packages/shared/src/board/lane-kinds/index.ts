import type { CardFields } from '../types.ts';
import { action } from './action.ts';
import { backstage } from './backstage.ts';
import { CARD_COLUMNS, EMOTION_COLUMNS, fieldColumn, type ColumnDefinition } from './columns.ts';
import type {
  CardLaneKind,
  Chip,
  FieldDefinition,
  FieldValues,
  LaneKindDefinition,
} from './define.ts';
import { emotion } from './emotion.ts';
import { metric } from './metric.ts';
import { notes } from './notes.ts';
import { opportunity } from './opportunity.ts';
import { pain } from './pain.ts';
import { thought } from './thought.ts';
import { touchpoint } from './touchpoint.ts';

/**
 * THE registry of lane kinds, in the order the method usually fills a map
 * (the palette's and the "new lane" picker's order). Adding a kind: one file
 * beside this one (see define.ts), its test, and its line here.
 */
export const LANE_KIND_DEFINITIONS = [
  touchpoint,
  action,
  thought,
  pain,
  emotion,
  opportunity,
  backstage,
  metric,
  notes,
] as const;

type Entry = (typeof LANE_KIND_DEFINITIONS)[number];
export type LaneKind = Entry['kind'];

export const LANE_KINDS: readonly LaneKind[] = LANE_KIND_DEFINITIONS.map((entry) => entry.kind);

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;
type FieldsOf<E> = E extends CardLaneKind<string, infer F> ? FieldValues<F> : never;

/** Every kind's card fields together (channel, severity, …): the document keeps them all. */
export type LaneKindFields = UnionToIntersection<FieldsOf<Entry>>;

const BY_KIND = new Map<string, LaneKindDefinition<LaneKind>>(
  LANE_KIND_DEFINITIONS.map((entry) => [entry.kind, entry]),
);

export function laneKindOf(kind: LaneKind): LaneKindDefinition<LaneKind> {
  // Every LaneKind is registered; the fallback only serves values read from outside the type system.
  return BY_KIND.get(kind) ?? notes;
}

/** Whether lanes of this kind hold cards (every kind but the emotion curve). */
export const holdsCards = (kind: LaneKind): boolean => laneKindOf(kind).holds === 'cards';

/** Whether a new card of `cardKind` (from the palette) may go into a lane of `laneKind`. */
export function newCardFits(cardKind: LaneKind, laneKind: LaneKind): boolean {
  const card = laneKindOf(cardKind);
  if (card.holds !== 'cards' || !holdsCards(laneKind)) return false;
  return cardKind === laneKind || card.fitsAnyLane === true;
}

/**
 * The fields a new card of this kind starts with (a pain point at medium
 * severity), wherever it is added: from the palette, a lane's "Add card", a key.
 */
export function newCardFields(kind: LaneKind): Partial<CardFields> {
  const entry = laneKindOf(kind);
  return entry.holds === 'cards' ? entry.newCard : {};
}

export const isLaneKind = (value: unknown): value is LaneKind =>
  typeof value === 'string' && BY_KIND.has(value);

/** The kinds that hold cards: the palette, in registry order. */
export const CARD_LANE_KINDS: readonly CardLaneKind<LaneKind>[] = LANE_KIND_DEFINITIONS.filter(
  (entry): entry is Extract<Entry, { holds: 'cards' }> => entry.holds === 'cards',
);

/** Every kind's fields, each name once. */
export const LANE_KIND_FIELDS: readonly FieldDefinition[] = CARD_LANE_KINDS.flatMap(
  (entry) => entry.fields,
);

const FIELD_BY_NAME = new Map(LANE_KIND_FIELDS.map((field) => [field.name, field]));
export const laneKindField = (name: string): FieldDefinition | undefined => FIELD_BY_NAME.get(name);

/** A card's value for a lane-kind field (`card.severity` for the severity field). */
export const cardFieldValue = (card: CardFields, field: FieldDefinition): unknown =>
  (card as unknown as Record<string, unknown>)[field.name];

/** The chips under a card in a lane of this kind ([] for a kind without any). */
export function cardChips(kind: LaneKind, card: CardFields): readonly Chip[] {
  const entry = laneKindOf(kind);
  // A card carries every kind's fields; each kind's chips read only their own.
  return entry.holds === 'cards' ? entry.chips(card as unknown as FieldValues<never>) : [];
}

/**
 * The export columns of a lane of this kind: every card's own (text,
 * colour, moment of truth) then the kind's fields; the emotion lane's score
 * and note.
 */
export function laneKindColumns(kind: LaneKind): readonly ColumnDefinition[] {
  const entry = laneKindOf(kind);
  return entry.holds === 'cards'
    ? [...CARD_COLUMNS, ...entry.fields.map(fieldColumn)]
    : EMOTION_COLUMNS;
}

export * from './define.ts';
export * from './columns.ts';
export { formatWithUnit } from './metric.ts';
export { isQuickWin } from './opportunity.ts';
