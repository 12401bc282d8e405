import {
  CARD_COLORS,
  CARD_FIELD_NAMES,
  CHANNELS,
  DEFAULT_CARD_FIELDS,
  type CardFields,
  type Level,
} from './types.ts';

/** Free-text fields are short labels; anything longer is cut, never rejected. */
export const CARD_FIELD_MAX_LENGTH = 120;

const isLevel = (value: unknown): value is Level => value === 1 || value === 2 || value === 3;
const oneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  (options as readonly unknown[]).includes(value);

/**
 * Checks one field's value. Returns the value to store, or `undefined` when
 * it is not a valid value for that field (the write is then skipped). `null`
 * clears the optional fields.
 */
export function normalizeCardField<K extends keyof CardFields>(
  name: K,
  value: unknown,
): CardFields[K] | undefined {
  type V = CardFields[K];
  switch (name) {
    case 'color':
      return oneOf(CARD_COLORS, value) ? (value as V) : undefined;
    case 'momentOfTruth':
      return typeof value === 'boolean' ? (value as V) : undefined;
    case 'channel':
      return value === null || oneOf(CHANNELS, value) ? (value as V) : undefined;
    case 'severity':
    case 'impact':
    case 'effort':
      return value === null || isLevel(value) ? (value as V) : undefined;
    default:
      return typeof value === 'string' ? (value.slice(0, CARD_FIELD_MAX_LENGTH) as V) : undefined;
  }
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
