import { boundedText } from '../api/text.ts';
import { laneKindField, LANE_KIND_FIELDS } from './lane-kinds/index.ts';
import { CARD_FIELD_MAX_LENGTH } from './lane-kinds/define.ts';
import { EVIDENCE_SOURCES_MAX_LENGTH, isEvidenceLevel } from './evidence.ts';
import { ADDED_BY_MAX_LENGTH, CARD_COLORS, type CardFields } from './types.ts';

/**
 * The keys a card has besides text and position: colour, moment of truth,
 * evidence and its sources, its author (addedBy), every kind's fields.
 */
export const CARD_FIELD_NAMES: readonly (keyof CardFields)[] = [
  'color',
  'momentOfTruth',
  'evidence',
  'evidenceSources',
  'addedBy',
  ...(LANE_KIND_FIELDS.map((field) => field.name) as (keyof CardFields)[]),
];

/** What a card's fields read as when not set: no colour, not a moment, choices (and evidence) null, texts ''. */
export const DEFAULT_CARD_FIELDS: CardFields = Object.freeze({
  color: 'none',
  momentOfTruth: false,
  evidence: null,
  evidenceSources: '',
  addedBy: '',
  ...Object.fromEntries(
    LANE_KIND_FIELDS.map((field) => [field.name, field.type === 'choice' ? null : '']),
  ),
}) as CardFields;

const oneOf = (options: readonly unknown[], value: unknown) => options.includes(value);

/**
 * Checks one field's value. Returns the value to store, or `undefined` when
 * it is not a valid value for that field (the write is then skipped). `null`
 * clears a choice.
 */
export function normalizeCardField<K extends keyof CardFields>(
  name: K,
  value: unknown,
): CardFields[K] | undefined {
  type V = CardFields[K];
  if (name === 'color') return oneOf(CARD_COLORS, value) ? (value as V) : undefined;
  if (name === 'momentOfTruth') return typeof value === 'boolean' ? (value as V) : undefined;
  if (name === 'evidence')
    return value === null || isEvidenceLevel(value) ? (value as V) : undefined;
  const field = laneKindField(name);
  if (field?.type === 'choice') {
    const values = field.options.map((option) => option.value);
    return value === null || oneOf(values, value) ? (value as V) : undefined;
  }
  if (!field && name !== 'evidenceSources' && name !== 'addedBy') return undefined;
  // Text: kept to the board's rule for text (no control characters) and the field's length.
  return typeof value === 'string'
    ? (boundedText(value, cardFieldMaxLength(name)) as V)
    : undefined;
}

/** The most characters a card's text field holds (a map file takes no more back). */
export function cardFieldMaxLength(name: string): number {
  if (name === 'evidenceSources') return EVIDENCE_SOURCES_MAX_LENGTH;
  if (name === 'addedBy') return ADDED_BY_MAX_LENGTH;
  return CARD_FIELD_MAX_LENGTH;
}

/** Reads a card's fields from raw stored values, falling back to defaults for anything invalid. */
export function readCardFields(get: (key: string) => unknown): CardFields {
  const fields: Record<string, unknown> = { ...DEFAULT_CARD_FIELDS };
  for (const name of CARD_FIELD_NAMES) {
    const raw = get(name);
    if (raw === undefined) continue;
    const value = normalizeCardField(name, raw);
    if (value !== undefined) fields[name] = value;
  }
  return fields as unknown as CardFields;
}
